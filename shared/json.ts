/** JSON from the network: text that does not parse is `undefined`, for the schema check after it to refuse, never a throw. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
