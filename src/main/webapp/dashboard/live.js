// The messages' changes as the server commits them (Server-Sent Events, on every node through the
// broker). The browser reconnects by itself; after a gap the pages read their data again.

const listeners = new Set();
/** The server writes at least every 15 s; silence for longer means a dead stream (a redeploy). */
const SILENCE_MS = 45000;
let source = null;
let watchdog = null;

function announce(text, state) {
    const indicator = document.getElementById('live');
    indicator.textContent = text;
    indicator.dataset.state = state;
}

function heard() {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
        source.close();
        source = null;
        announce('Reconnecting…', 'lost');
        connect(true);
    }, SILENCE_MS);
}

/** Opens the stream once; the indicator in the header says whether it is connected. */
export function connect(reconnecting = false) {
    if (source) {
        return;
    }
    let lost = reconnecting;
    source = new EventSource('api/message-changes');
    heard();
    source.addEventListener('beat', heard);
    source.addEventListener('open', () => {
        heard();
        announce('Live', 'open');
        if (lost) {
            listeners.forEach((listener) => listener({ reconnected: true, changes: [] }));
        }
        lost = false;
    });
    source.addEventListener('error', () => {
        lost = true;
        announce('Reconnecting…', 'lost');
    });
    source.addEventListener('changes', (event) => {
        heard();
        const changes = JSON.parse(event.data);
        listeners.forEach((listener) => listener({ reconnected: false, changes }));
    });
}

/** Calls the listener with each list of changes; returns what stops it. */
export function onChanges(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

// A page left for another keeps no stream open: over HTTP/1.1 a browser has 6 connections to a
// server, and a page kept for the back button would hold one of them (measured: the next loads
// waited a minute). Coming back to it opens a new one, and the page reads its data again.
window.addEventListener('pagehide', () => {
    if (source) {
        source.close();
        source = null;
        clearTimeout(watchdog);
    }
});
window.addEventListener('pageshow', (event) => {
    if (event.persisted) {
        connect(true);
    }
});
