// The sending guard, for operators: where sends may go and in whose name, each user's use of its
// rate and quota (the nearest to its quota first), and the sends it refused.
import { get } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { time } from './format.js';

const NEAR = 0.8;

const share = (used, limit) => (limit ? used / limit : 0);
const of = (used, limit) => (limit ? `${used} of ${limit}` : `${used}`);

function settings(guard) {
    const item = (name, value) => h('li', {}, h('strong', {}, `${name}: `), value);
    return h('ul', { id: 'guard-settings' },
        item('Destinations', guard.allowedPrefixes.length ? guard.allowedPrefixes.join(', ')
            : 'any (SENDING_ALLOWED_PREFIXES is not set)'),
        item('Senders', guard.allowedSenders.length ? `the default, ${guard.allowedSenders.join(', ')}` : 'any'),
        item('Rate', guard.ratePerUserPerMinute ? `${guard.ratePerUserPerMinute} messages a minute per user` : 'no limit'),
        item('Quota', guard.dailyQuotaPerUser ? `${guard.dailyQuotaPerUser} messages a day (UTC) per user` : 'no limit'));
}

function users(guard) {
    const rows = [...guard.users].sort((a, b) => share(b.today, guard.dailyQuotaPerUser)
        - share(a.today, guard.dailyQuotaPerUser));
    return [h('h3', {}, 'Who has sent how much'),
        rows.length
            ? h('div', { class: 'scroll' }, h('table', { id: 'guard-users' },
                h('thead', {}, h('tr', {}, ['User', 'This minute', 'Today', '']
                    .map((title) => h('th', { scope: 'col' }, title)))),
                h('tbody', {}, rows.map((user) => {
                    const near = share(user.today, guard.dailyQuotaPerUser) >= NEAR
                        || share(user.thisMinute, guard.ratePerUserPerMinute) >= NEAR;
                    return h('tr', { class: near ? 'near-limit' : '' },
                        h('td', {}, user.user),
                        h('td', {}, of(user.thisMinute, guard.ratePerUserPerMinute)),
                        h('td', {}, of(user.today, guard.dailyQuotaPerUser)),
                        h('td', {}, near ? 'near its limit' : ''));
                }))))
            : h('p', {}, guard.ratePerUserPerMinute || guard.dailyQuotaPerUser
                ? 'Nobody has sent in this minute or today.' : 'Not counted: no rate or quota is set.')];
}

function refusals(guard) {
    return [h('h3', {}, `Refused sends (${guard.refusals.length}${guard.refusals.length === 100 ? ', the latest' : ''})`),
        guard.refusals.length
            ? h('div', { class: 'scroll' }, h('table', { id: 'guard-refusals' },
                h('thead', {}, h('tr', {}, ['When', 'User', 'Rule', 'Field', 'Why']
                    .map((title) => h('th', { scope: 'col' }, title)))),
                h('tbody', {}, guard.refusals.map((refusal) => h('tr', {},
                    h('td', {}, time(refusal.at)),
                    h('td', {}, refusal.user),
                    h('td', {}, refusal.rule),
                    h('td', {}, refusal.field),
                    h('td', {}, refusal.detail))))))
            : h('p', {}, 'None.')];
}

async function load(section) {
    try {
        const guard = await get('api/sending-guard');
        fill(section, settings(guard), ...users(guard), ...refusals(guard));
    } catch (error) {
        fill(section, notice(`Cannot load the sending guard: ${error.message}`));
    }
}

export function render(main) {
    const section = h('section', { id: 'guard' });
    main.append(h('h2', {}, 'Sending guard'), section);
    load(section).then(() => rendered('guard'));
}
