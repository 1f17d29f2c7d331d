// What needs an operator: callbacks given up on, reports that match no message, messages stuck
// without a final status. Replaying is for sms-operator; the others only look.
import { get, post, query } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { masked, statusClass, time } from './format.js';

const STUCK_AFTER_MS = 3600e3;

/**
 * A raw callback as shown here: every number of seven digits or more masked, as in the table. Only
 * a number standing alone: the digits inside an id (Sinch's batch ids are base 32) stay readable.
 */
const maskedNumbers = (text) => (text || '')
    .replace(/(?<![\p{L}\p{N}])\+?\d{7,}(?![\p{L}\p{N}])/gu, (number) => masked(number));
const OPERATOR = 'sms-operator';

function deadLetters(section, operator) {
    async function load() {
        try {
            const letters = await get('api/dead-letters' + query({ limit: 1000 }));
            const replayAll = operator && letters.length
                ? h('button', {
                    type: 'button',
                    onclick: () => {
                        if (window.confirm(`Replay all ${letters.length} dead letters?`)) {
                            act(() => post('api/dead-letters/retry'), 'retried');
                        }
                    },
                }, 'Replay all')
                : null;
            fill(section, h('h3', {}, `Dead letters (${letters.length})`), replayAll,
                letters.length
                    ? h('div', { class: 'scroll' }, h('table', { id: 'dead-letters' },
                        h('thead', {}, h('tr', {}, ['Received', 'Why it failed', 'Callback', operator ? 'Replay' : null]
                            .filter(Boolean).map((title) => h('th', { scope: 'col' }, title)))),
                        h('tbody', {}, letters.map((letter) => h('tr', { 'data-id': letter.id },
                            h('td', {}, time(letter.receivedAt)),
                            h('td', {}, letter.reason || 'not recorded'),
                            h('td', {}, h('code', {}, maskedNumbers(letter.preview))),
                            operator ? h('td', {}, h('button', {
                                type: 'button',
                                class: 'secondary',
                                'aria-label': `Replay the dead letter received ${time(letter.receivedAt)}`,
                                onclick: () => act(() => post(`api/dead-letters/${encodeURIComponent(letter.id)}/replay`),
                                    'replayed'),
                            }, 'Replay')) : null)))))
                    : h('p', {}, 'None: every callback was processed.'));
        } catch (error) {
            fill(section, h('h3', {}, 'Dead letters'), notice(`Cannot load the dead letters: ${error.message}`));
        }
    }

    async function act(call, what) {
        try {
            await call();
            await load();
            section.append(notice(`Dead letter(s) ${what}.`, 'info'));
        } catch (error) {
            section.append(notice(`Not ${what}: ${error.message}`));
        }
    }

    return load();
}

async function unmatched(section) {
    try {
        const reports = await get('api/status-events/unmatched' + query({ limit: 50 }));
        fill(section, h('h3', {}, `Reports that match no message (${reports.length}${reports.length === 50 ? '+' : ''})`),
            reports.length
                ? h('div', { class: 'scroll' }, h('table', { id: 'unmatched' },
                    h('thead', {}, h('tr', {}, ['Received', 'Batch', 'Recipient', 'Status', 'Code']
                        .map((title) => h('th', { scope: 'col' }, title)))),
                    h('tbody', {}, reports.map((report) => h('tr', {},
                        h('td', {}, time(report.receivedAt)),
                        h('td', {}, report.batchId || '—'),
                        h('td', {}, masked(report.recipient)),
                        h('td', {}, h('span', { class: statusClass(report.status) }, report.status)),
                        h('td', {}, report.code ?? '—'))))))
                : h('p', {}, 'None.'));
    } catch (error) {
        fill(section, h('h3', {}, 'Unmatched reports'), notice(`Cannot load them: ${error.message}`));
    }
}

async function stuck(section) {
    const before = new Date(Date.now() - STUCK_AFTER_MS).toISOString();
    try {
        const found = await get('api/messages' + query({ final: false, to: before, size: 50 }));
        fill(section, h('h3', {}, `Sent over an hour ago, still without a final status (${found.total})`),
            found.items.length
                ? h('div', { class: 'scroll' }, h('table', { id: 'stuck' },
                    h('thead', {}, h('tr', {}, ['Recipient', 'Status', 'Sent', 'Last update']
                        .map((title) => h('th', { scope: 'col' }, title)))),
                    h('tbody', {}, found.items.map((message) => h('tr', {},
                        h('td', {}, h('a', { href: `#/messages/${encodeURIComponent(message.id)}` },
                            masked(message.recipient))),
                        h('td', {}, h('span', { class: statusClass(message.status) }, message.status)),
                        h('td', {}, time(message.createdAt)),
                        h('td', {}, time(message.statusAt)))))))
                : h('p', {}, 'None.'));
    } catch (error) {
        fill(section, h('h3', {}, 'Stuck messages'), notice(`Cannot load them: ${error.message}`));
    }
}

export function render(main, { user }) {
    const sections = [h('section', { id: 'problems-dead-letters' }), h('section', { id: 'problems-unmatched' }),
        h('section', { id: 'problems-stuck' })];
    main.append(h('h2', {}, 'Problems'), ...sections);
    Promise.all([deadLetters(sections[0], user.roles.includes(OPERATOR)), unmatched(sections[1]), stuck(sections[2])])
        .then(() => rendered('problems'));
}
