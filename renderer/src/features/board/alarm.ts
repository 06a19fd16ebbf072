/** A short falling two-tone beep when a queue turns red. */
import { playTones } from '../../tones.js';

export function soundAlarm(): void {
  playTones([[0, 880], [0.18, 660]]);
}
