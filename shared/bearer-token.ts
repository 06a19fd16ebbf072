/** The token of an `Authorization: Bearer <token>` header, for every HTTP endpoint of the desk and the hub. */
export function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1]! : null;
}
