import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would reach out to the network turned off. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** data:, blob: and about: never touch the network; anything else must stay on this machine. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (!NETWORK_PROTOCOLS.has(protocol)) return ['data:', 'blob:', 'about:'].includes(protocol);
  return LOCAL_HOSTS.has(hostname);
}
