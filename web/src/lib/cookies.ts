/** Reads one cookie set for the whole site (jj_csrf, jj_lang); undefined when absent. */
export const readCookie = (name: string): string | undefined => {
  const prefix = `${name}=`;
  const found = document.cookie
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(prefix));

  return found === undefined ? undefined : decodeURIComponent(found.slice(prefix.length));
};

/** Sets a site-wide, script-readable cookie that the server also reads (SameSite=Lax, path=/). */
export const writeCookie = (name: string, value: string, maxAgeSeconds: number) => {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Lax${secure}`;
};
