/**
 * A signed-in console browser, as plain HTTP: the session cookie the tutor set and the CSRF token
 * it handed out, sent back the way the console's script sends them.
 */
export interface ConsoleClient {
  cookie: string;
  csrf: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export function sessionCookie(response: Response): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  const match = /tutor_console=([^;]+)/.exec(setCookie);
  if (!match) throw new Error(`no session cookie in ${setCookie || "the reply"}`);
  return `tutor_console=${match[1]}`;
}

/** Signs in through `route` (login, bootstrap or accept) with a JSON body. */
export async function signInAs(baseUrl: string, route: string, body: unknown): Promise<ConsoleClient> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${route} answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return consoleClient(baseUrl, sessionCookie(response), csrfToken);
}

export function consoleClient(baseUrl: string, cookie: string, csrf: string): ConsoleClient {
  return {
    cookie,
    csrf,
    request(method, path, body, headers = {}) {
      return fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === "GET" ? {} : { "x-csrf-token": csrf }),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}
