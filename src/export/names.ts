/** "Ashish Vaswani" → given Ashish, family Vaswani; particles stay with the family name. */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'al',
]);

export function splitName(name: string): { given?: string; family: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length <= 1) return { family: parts[0] ?? '' };
  let split = parts.length - 1;
  while (split > 1 && PARTICLES.has(parts[split - 1]!.toLowerCase())) split--;
  return { given: parts.slice(0, split).join(' '), family: parts.slice(split).join(' ') };
}
