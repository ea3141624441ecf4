/** The console's only way to the server: the JSON routes under /admin, with the session's CSRF token. */

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: { line: number; message: string }[],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Body = unknown;

/**
 * Calls an admin route. JSON bodies are sent as JSON; FormData and Blobs as they are. Any reply
 * that is not 2xx becomes an ApiFailure carrying the server's `{error:{code, message}}`.
 */
export async function api<T>(method: string, path: string, body?: Body, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (csrfToken && method !== "GET") headers["x-csrf-token"] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || body instanceof Blob) {
    payload = body;
    if (contentType) headers["content-type"] = contentType;
  } else if (typeof body === "string") {
    payload = body;
    headers["content-type"] = contentType ?? "text/plain";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
  } catch {
    throw new ApiFailure(
      0,
      "network",
      "The tutor could not be reached. Check your connection and try again.",
    );
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = {};
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; problems?: [] } }).error;
    throw new ApiFailure(
      response.status,
      error?.code ?? "error",
      error?.message ?? `The server answered ${response.status}.`,
      error?.problems,
    );
  }
  return data as T;
}

/**
 * Listens to a server-sent event stream (ingestion or eval progress) until `done` arrives or the
 * returned function is called. The browser sends the session cookie with it.
 */
export function listen(path: string, handlers: Record<string, (data: unknown) => void>): () => void {
  const source = new EventSource(path, { withCredentials: true });
  for (const [event, handle] of Object.entries(handlers)) {
    source.addEventListener(event, (message) => {
      handle(JSON.parse((message as MessageEvent<string>).data));
      if (event === "done") source.close();
    });
  }
  source.onerror = () => {
    // The stream ends when the run does; a broken one is retried by the browser unless closed.
    if (source.readyState === EventSource.CLOSED) handlers.error?.({});
  };
  return () => source.close();
}
