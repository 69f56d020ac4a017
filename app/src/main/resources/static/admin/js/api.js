// The signed-in admin's token lives in this module only: never in storage, a cookie or an address.
let session = null;
const signedOutListeners = [];

export function signedIn() {
  return session;
}

export function onSignedOut(listener) {
  signedOutListeners.push(listener);
}

/** An API error: the problem details the platform answered with. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function request(method, path, body, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** Signs in; only an admin's session is kept (anyone else's token is signed out at once). */
export async function signIn(email, password) {
  const answer = await request('POST', '/api/auth/login', { email, password });
  if (answer.user.role !== 'admin') {
    await request('POST', '/api/auth/logout', undefined, answer.token).catch(() => {});
    throw new ApiError(403, { detail: 'This account is not an admin: the console is for admins only.' });
  }
  session = { token: answer.token, user: answer.user };
  return session;
}

export async function signOut() {
  const ending = session;
  forget();
  if (ending) await request('POST', '/api/auth/logout', undefined, ending.token).catch(() => {});
}

function forget() {
  session = null;
  signedOutListeners.forEach((listener) => listener());
}

/** Calls the admin API as the signed-in admin; a refused token ends the session. */
export async function call(method, path, body) {
  if (!session) throw new ApiError(401, { detail: 'Signed out' });
  try {
    return await request(method, path, body, session.token);
  } catch (error) {
    if (error.status === 401) forget();
    throw error;
  }
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
