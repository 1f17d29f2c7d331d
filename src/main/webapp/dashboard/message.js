// One message: where it stands, and its timeline from submission to the last report.
import { get } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { duration, masked, statusClass, time } from './format.js';
import { onChanges } from './live.js';

function rawPayload(callbackId) {
    const shown = h('div', { class: 'raw' });
    const button = h('button', {
        type: 'button',
        class: 'secondary',
        'aria-expanded': 'false',
        onclick: async () => {
            if (button.getAttribute('aria-expanded') === 'true') {
                fill(shown);
                button.setAttribute('aria-expanded', 'false');
                return;
            }
            try {
                const callback = await get(`api/received-callbacks/${encodeURIComponent(callbackId)}`);
                fill(shown, h('pre', { tabindex: '0', 'aria-label': 'Raw payload' }, pretty(callback.payload)));
                button.setAttribute('aria-expanded', 'true');
            } catch (error) {
                fill(shown, notice(`Cannot load the payload: ${error.message}`));
            }
        },
    }, 'Raw payload');
    return h('div', {}, button, shown);
}

function pretty(payload) {
    try {
        return JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
        return payload;
    }
}

function timeline(message) {
    const submitted = h('li', {},
        h('span', { class: 'when' }, time(message.createdAt)),
        h('span', { class: 'status' }, 'Submitted'),
        h('span', {}, `${message.encoding || ''} · ${message.parts ?? '?'} part(s)`));
    const reports = (message.events || []).map((event) => h('li', { 'data-event': event.id },
        h('span', { class: 'when' }, time(event.at)),
        h('span', { class: statusClass(event.status) }, event.status),
        h('span', {}, event.code === null || event.code === undefined ? '' : `code ${event.code}`),
        event.reason ? h('span', {}, event.reason) : null,
        event.operator ? h('span', {}, `operator ${event.operator}`) : null,
        h('span', { class: 'quiet' }, `received ${time(event.receivedAt)}`),
        event.callbackId ? rawPayload(event.callbackId) : null));
    return h('ol', { class: 'timeline', 'aria-label': 'Timeline' }, submitted, reports);
}

/** Our estimate, and Sinch's count where a report gave one (it bills by its own). */
function sinchCount(message) {
    const ours = `${message.encoding || '?'} · ${message.parts ?? '?'} (our estimate)`;
    if (message.reportedParts === null || message.reportedParts === undefined) {
        return message.reportedEncoding ? `${ours}; Sinch: ${message.reportedEncoding}` : ours;
    }
    const differs = message.reportedParts !== message.parts ? ' — differs' : '';
    return `${ours}; Sinch: ${message.reportedEncoding || '?'} · ${message.reportedParts}${differs}`;
}

function summary(message, revealed) {
    const number = revealed ? message.recipient : masked(message.recipient);
    return h('dl', { class: 'summary' },
        h('dt', {}, 'Recipient'), h('dd', {}, number),
        h('dt', {}, 'Status'), h('dd', { id: 'message-status' },
            h('span', { class: statusClass(message.status) }, message.status)),
        h('dt', {}, 'Code'), h('dd', {}, message.code ?? '—'),
        h('dt', {}, 'Operator'), h('dd', {}, message.operator || '—'),
        h('dt', {}, 'Time to deliver'), h('dd', {}, duration(message.deliveredAfterMs)),
        h('dt', {}, 'Parts'), h('dd', { id: 'message-parts' }, sinchCount(message)),
        h('dt', {}, 'Sender Sinch applied'), h('dd', {}, message.appliedOriginator || '—'),
        h('dt', {}, 'Delivery feedback'), h('dd', {}, message.feedbackAt ? time(message.feedbackAt) : '—'),
        h('dt', {}, 'Batch'), h('dd', {}, message.batchId || '—'),
        h('dt', {}, 'Client reference'), h('dd', {}, message.clientReference || '—'),
        h('dt', {}, 'Id'), h('dd', {}, message.id));
}

export function render(main, { rest }) {
    const id = rest[0];
    const body = h('section', { 'aria-label': 'Message' }, h('p', {}, 'Loading…'));
    let revealed = false;
    main.append(h('p', {}, h('a', { href: '#/messages' }, '← Messages')), h('h2', {}, 'Message'), body);

    async function load() {
        try {
            const message = await get(`api/messages/${encodeURIComponent(id)}`);
            const reveal = h('button', {
                type: 'button',
                class: 'secondary',
                onclick: () => {
                    revealed = !revealed;
                    load();
                },
            }, revealed ? 'Hide the number' : 'Show the number');
            fill(body, summary(message, revealed), reveal, h('h3', {}, 'Timeline'), timeline(message));
            rendered('message');
        } catch (error) {
            fill(body, notice(error.status === 404 ? `No message with id ${id}.` : error.message));
        }
    }

    const stop = onChanges(({ reconnected, changes }) => {
        if (reconnected || changes.some((change) => change.id === id)) {
            load();
        }
    });
    load();
    return stop;
}
