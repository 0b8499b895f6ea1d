/**
 * Where credentials may be sent: endpoint checks shared by the client and the sign-in command.
 * No undici here, so the extension can check an endpoint without loading the HTTP stack.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (LOOPBACK_HOSTS.has(h) || h.endsWith('.localhost')) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Parse and vet an endpoint. Credentials travel to it, so it must be HTTPS; plain HTTP is
 * allowed only to this machine (the bundled simulator), where nothing crosses a network.
 * Returns the URL or a message saying what is wrong.
 */
export function checkEndpoint(name: string, value: string): URL | string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `The ${name} endpoint "${value}" is not a valid URL.`;
  }
  if (url.username || url.password) return `The ${name} endpoint must not contain a user name or password.`;
  if (url.search || url.hash) return `The ${name} endpoint must not contain a query or fragment.`;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  if (url.protocol === 'http:') {
    return `The ${name} endpoint ${url.origin} uses plain HTTP. Credentials are only sent over HTTPS (plain HTTP is allowed only to this computer).`;
  }
  return `The ${name} endpoint ${url.origin} must use https://.`;
}

/** Join an endpoint (which may carry a path prefix) with an API path and a query string. */
export function joinUrl(base: URL, path: string, query: string): URL {
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(base.origin);
  url.pathname = prefix + path;
  url.search = query ? `?${query}` : '';
  return url;
}
