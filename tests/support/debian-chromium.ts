/**
 * How the tests and benchmarks launch Debian's Chromium: never a browser of the test
 * runner's own, and without the background traffic this machine's closed network refuses.
 */
export const debianChromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
