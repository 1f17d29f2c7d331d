// The product's JSON API, same origin: the browser sends the login it was challenged for.

/** An answer other than 2xx, with its RFC 9457 problem body when there is one. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem?.detail || problem?.title || `HTTP ${status}`);
        this.status = status;
        this.problem = problem;
    }
}

async function call(method, path, body, headers = {}) {
    const answer = await fetch(path, {
        method,
        headers: body === undefined
            ? { Accept: 'application/json', ...headers }
            : { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
    });
    const text = await answer.text();
    let json = null;
    if (text && (answer.headers.get('Content-Type') || '').includes('json')) {
        json = JSON.parse(text);
    }
    if (!answer.ok) {
        throw new ApiError(answer.status, json);
    }
    return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body, headers) => call('POST', path, body, headers);
export const del = (path) => call('DELETE', path);

/** A query string of the parameters that have a value. */
export function query(parameters) {
    const given = Object.entries(parameters).filter(([, value]) => value !== undefined && value !== null && value !== '');
    return given.length ? '?' + new URLSearchParams(given).toString() : '';
}
