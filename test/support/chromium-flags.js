// Flags for Debian's headless Chromium, shared by the test runner, the end-to-end
// tests and the benches: without the background-networking ones it floods the closed network.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
