/**
 * Join keys for Arquero. Arquero 8 reads a plain array of key names ambiguously (as left/right
 * pairs), so multi-column joins must name the keys on both sides: `on('area', 'period')`.
 */
export function on(...keys: string[]): [string[], string[]] {
  return [keys, keys];
}
