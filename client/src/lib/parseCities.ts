/**
 * The cities typed into one comma-separated field: trimmed, inner spaces collapsed, empty entries
 * and repeats (ignoring case) dropped, first spelling kept. Commas inside a city name are not
 * supported; semicolons and new lines also separate, for lists pasted from elsewhere.
 */
export function parseCities(text: string): string[] {
  const seen = new Set<string>();
  const cities: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const city = part.replace(/\s+/g, ' ').trim();
    const key = city.toLocaleLowerCase();
    if (!city || seen.has(key)) continue;
    seen.add(key);
    cities.push(city);
  }
  return cities;
}
