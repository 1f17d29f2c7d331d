// The dashboard: one page per hash route, each shown only to the roles that may use it.
import { get } from './api.js';
import { fill, h, notice } from './dom.js';
import { connect } from './live.js';
import * as messages from './messages.js';
import * as message from './message.js';
import * as send from './send.js';
import * as statistics from './statistics.js';
import * as problems from './problems.js';

const READER = 'sms-reader';
const SENDER = 'sms-sender';

const pages = [
    { route: 'messages', title: 'Messages', role: READER, page: messages },
    { route: 'send', title: 'Send', role: SENDER, page: send },
    { route: 'statistics', title: 'Statistics', role: READER, page: statistics },
    { route: 'problems', title: 'Problems', role: READER, page: problems },
];

const main = document.getElementById('main');
let user = null;
let leave = null;

function allowed(page) {
    return user.roles.includes(page.role);
}

/** #/messages?status=Failed → {route: 'messages', rest: [], parameters}; #/messages/ID → rest ['ID']. */
function location() {
    const [path, search] = window.location.hash.replace(/^#\/?/, '').split('?');
    const [route, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { route, rest, parameters: new URLSearchParams(search || '') };
}

function show() {
    if (leave) {
        leave();
        leave = null;
    }
    const here = location();
    const permitted = pages.filter(allowed);
    const page = permitted.find((candidate) => candidate.route === here.route);
    if (!page) {
        if (permitted.length) {
            window.location.replace('#/' + permitted[0].route);
        }
        return;
    }
    for (const link of document.querySelectorAll('#nav a')) {
        if (link.dataset.route === page.route) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    const shown = here.route === 'messages' && here.rest.length ? message : page.page;
    document.title = `${page.title} · SMS tracker`;
    fill(main);
    leave = shown.render(main, { user, parameters: here.parameters, rest: here.rest }) || null;
}

async function start() {
    try {
        user = await get('api/me');
    } catch (error) {
        fill(main, notice(error.status === 403
            ? 'You are logged in, but have none of the roles sms-reader, sms-sender or sms-operator.'
            : `Cannot load who you are: ${error.message}`));
        return;
    }
    fill(document.getElementById('who'), `${user.name} · ${user.roles.join(', ')}`);
    fill(document.getElementById('nav'), pages.filter(allowed)
        .map((page) => h('a', { href: `#/${page.route}`, 'data-route': page.route }, page.title)));
    if (user.roles.includes(READER)) {
        connect();
    }
    window.addEventListener('hashchange', show);
    show();
}

start();
