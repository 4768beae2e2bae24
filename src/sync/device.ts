/**
 * A device's id: 16 random characters of [a-z2-7] (80 bits, so two devices of one person never
 * draw the same). It names the device's folder on the server and ends every HLC it stamps, so it
 * is kept to characters that are safe in a path and a URL, and it is checked wherever one is read.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const PATTERN = /^[a-z2-7]{16}$/;

export const isDeviceId = (text: string): boolean => PATTERN.test(text);

export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}
