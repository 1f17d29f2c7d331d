// The dashboard: one page per hash route, each shown only to the roles that may use it.
import { get } from './api.js';
import { fill, h, notice } from './dom.js';
import { connect } from './live.js';
import * as messages from './messages.js';
import * as message from './message.js';
import * as send from './send.js';
import * as statistics from './statistics.js';
import * as problems from './problems.js';
import * as guard from './guard.js';

const READER = 'sms-reader';
const SENDER = 'sms-sender';
const OPERATOR = 'sms-operator';

/** Each page, and the roles that may see it (as the API it calls admits them). */
const pages = [
    { route: 'messages', title: 'Messages', roles: [READER], page: messages },
    { route: 'send', title: 'Send', roles: [SENDER], page: send },
    { route: 'statistics', title: 'Statistics', roles: [READER], page: statistics },
    { route: 'problems', title: 'Problems', roles: [READER, OPERATOR], page: problems },
    { route: 'guard', title: 'Sending guard', roles: [OPERATOR], page: guard },
];

const main = document.getElementById('main');
let user = null;
let leave = null;

function allowed(page) {
    return page.roles.some((role) => user.roles.includes(role));
}

function decoded(part) {
    try {
        return decodeURIComponent(part);
    } catch {
        return part; // a mangled link: shown as it is, found or not
    }
}

/** #/messages?status=Failed → {route: 'messages', rest: [], parameters}; #/messages/ID → rest ['ID']. */
function location() {
    const [path, search] = window.location.hash.replace(/^#\/?/, '').split('?');
    const [route, ...rest] = path.split('/').filter(Boolean).map(decoded);
    return { route, rest, parameters: new URLSearchParams(search || '') };
}

function show(event) {
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
        } else {
            fill(main, notice('None of your roles has a page here.'));
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
    if (event) {
        main.focus(); // a keyboard or screen reader user continues on the new page, not in the menu
    }
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
        connect(); // the changes are a reader's: an operator's problems page reads them on its own
    }
    window.addEventListener('hashchange', show);
    show(null);
}

start();
