// Sending: the form checks nothing the server does not; it shows the server's answer where it belongs.
import { ApiError, post } from './api.js';
import { fill, h, notice, rendered } from './dom.js';
import { smsParts } from './sms-parts.js';

const REPORTS = ['', 'per_recipient', 'per_recipient_final', 'summary', 'full', 'none'];

/** The form's fields by the name the API gives them in its problems. */
const FIELDS = {
    to: { label: 'Recipients', hint: 'E.164 numbers, one per line or separated by commas' },
    body: { label: 'Message' },
    from: { label: 'Sender', hint: 'empty: the configured default' },
    clientReference: { label: 'Client reference', hint: 'optional; the same one again sends nothing twice' },
    deliveryReport: { label: 'Delivery report' },
};

/** 128 random bits in hex (crypto.randomUUID needs HTTPS; this works over plain HTTP too). */
function newKey() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function partsText(body) {
    const { encoding, units, parts } = smsParts(body);
    const unit = encoding === 'GSM' ? 'GSM-7 characters' : 'UCS-2 characters';
    return `${units} ${unit} · ${parts} part${parts === 1 ? '' : 's'}`;
}

export function render(main) {
    const inputs = {
        to: h('textarea', { id: 'send-to', name: 'to', rows: 2, required: true, autocomplete: 'off' }),
        body: h('textarea', { id: 'send-body', name: 'body', rows: 4, required: true }),
        from: h('input', { id: 'send-from', name: 'from', autocomplete: 'off' }),
        clientReference: h('input', { id: 'send-clientReference', name: 'clientReference', autocomplete: 'off' }),
        deliveryReport: h('select', { id: 'send-deliveryReport', name: 'deliveryReport' },
            REPORTS.map((kind) => h('option', { value: kind }, kind || 'the configured default'))),
    };
    const errors = {};
    const parts = h('p', { id: 'send-body-parts', class: 'hint', 'aria-live': 'polite' }, partsText(''));
    inputs.body.addEventListener('input', () => fill(parts, partsText(inputs.body.value)));
    const result = h('div', { id: 'send-result' });

    const fields = Object.entries(FIELDS).map(([name, { label, hint }]) => {
        errors[name] = h('p', { id: `send-${name}-error`, class: 'field-error' });
        const hintId = hint ? `send-${name}-hint` : null;
        inputs[name].setAttribute('aria-describedby',
            [hintId, name === 'body' ? 'send-body-parts' : null, `send-${name}-error`].filter(Boolean).join(' '));
        return h('div', { class: 'field' },
            h('label', { for: inputs[name].id }, label),
            inputs[name],
            hint ? h('p', { id: hintId, class: 'hint' }, hint) : null,
            name === 'body' ? parts : null,
            errors[name]);
    });

    function clearErrors() {
        for (const name of Object.keys(FIELDS)) {
            fill(errors[name]);
            inputs[name].removeAttribute('aria-invalid');
        }
        fill(result);
    }

    const button = h('button', { type: 'submit' }, 'Send');
    const form = h('form', { id: 'send-form', novalidate: true, 'aria-label': 'Send an SMS' },
        fields, h('div', { class: 'actions' }, button));
    // One key per filled form: a second click, or a retry after a lost answer, sends nothing twice.
    let key = newKey();
    form.addEventListener('input', () => {
        key = newKey();
    });
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors();
        const request = {
            to: inputs.to.value.split(/[\s,;]+/).filter(Boolean),
            body: inputs.body.value,
        };
        for (const name of ['from', 'clientReference', 'deliveryReport']) {
            if (inputs[name].value.trim()) {
                request[name] = inputs[name].value.trim();
            }
        }
        button.disabled = true;
        try {
            // A client reference is the key already; the API takes one or the other.
            const sent = await post('api/messages', request, request.clientReference ? {} : { 'Idempotency-Key': key });
            key = newKey();
            fill(result, notice(`Accepted: ${sent.messages.length} message(s), ${sent.status}.`, 'info'),
                h('ul', {}, sent.messages.map((message) => h('li', {},
                    h('a', { href: `#/messages/${encodeURIComponent(message.id)}` }, message.recipient),
                    ` · ${message.encoding} · ${message.parts} part(s)`))));
            form.reset();
            fill(parts, partsText(''));
        } catch (error) {
            const field = error instanceof ApiError ? error.problem?.field : null;
            if (field && errors[field]) {
                fill(errors[field], error.message);
                inputs[field].setAttribute('aria-invalid', 'true');
                inputs[field].focus();
            } else {
                fill(result, notice(`Not sent: ${error.message}`));
            }
        } finally {
            button.disabled = false;
        }
    });
    main.append(h('h2', {}, 'Send an SMS'), form, result);
    rendered('send');
}
