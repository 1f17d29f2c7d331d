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
