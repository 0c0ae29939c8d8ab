// The console's calls to the API: every operation is a POST with a JSON body and the signed-in user's bearer token.
const SESSION_KEY = 'console.session';

export function session() {
  const saved = sessionStorage.getItem(SESSION_KEY);
  return saved ? JSON.parse(saved) : null;
}

export function keepSession(value) {
  if (value) sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  else sessionStorage.removeItem(SESSION_KEY);
}

/** A refused call: the HTTP status and the problem document the API answered. */
export class Refusal extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls an operation, e.g. call('feedback/get', {id}); answers the parsed body or throws a Refusal. */
export async function call(operation, body) {
  const headers = { 'Content-Type': 'application/json' };
  const current = session();
  if (current) headers.Authorization = `Bearer ${current.token}`;
  let response;
  try {
    // an operation without input (reference/lists) takes no body
    response = await fetch(`/${operation}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Refusal(503, { detail: 'network' });
  }
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Refusal(response.status, parsed);
  return parsed;
}
