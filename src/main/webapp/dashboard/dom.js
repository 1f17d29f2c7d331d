// Building the page from data without ever parsing data as HTML: text is always text.

/** An element with attributes (on… are listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on')) {
            element.addEventListener(name.slice(2).toLowerCase(), value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else {
            element.setAttribute(name, String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat()) {
        if (child === undefined || child === null || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** Replaces what an element holds. */
export function fill(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

/** A message for the user: an error is announced, information is not. */
export function notice(text, kind = 'error') {
    return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/**
 * Marks a page as drawn with its data, in the browser's performance timeline
 * ({@code dashboard:messages}…): what the load benchmark reads, and what anyone can in the devtools.
 */
export function rendered(page) {
    performance.mark(`dashboard:${page}`);
}
