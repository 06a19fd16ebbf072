/** Short beeps made with Web Audio, so no sound file has to ship: [start offset in s, frequency in Hz]. */
let audio: AudioContext | null = null;

export function playTones(tones: readonly (readonly [number, number])[]): void {
  audio ??= new AudioContext();
  const start = audio.currentTime;
  for (const [offset, frequency] of tones) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.2, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.16);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.17);
  }
}
