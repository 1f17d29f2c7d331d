// Sending: the form checks nothing the server does not; it shows the server's answer where it belongs.
import { ApiError, del, post } from './api.js';
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
    sendAt: { label: 'Send at', hint: 'optional, your local time: Sinch holds it until then; it can be cancelled till then' },
    expireAt: { label: 'Expire at', hint: 'optional: when Sinch stops trying; at most 3 days after sending' },
    parameters: {
        label: 'Parameters',
        hint: 'optional JSON, for ${name} in the message: {"name": {"+46701234567": "Anna", "default": "there"}}',
    },
    maxParts: { label: 'Most parts', hint: 'optional: sent only if it fits in this many parts' },
    flash: { label: 'Flash message (shown on screen, not kept in the inbox)' },
    feedbackEnabled: { label: 'Delivery feedback (I will report conversions for these messages)' },
};

const CHECKBOXES = ['flash', 'feedbackEnabled'];

/** The fields everyone fills; the rest of Sinch's options are folded away until asked for. */
const BASIC_FIELDS = 5;

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
        sendAt: h('input', { id: 'send-sendAt', name: 'sendAt', type: 'datetime-local' }),
        expireAt: h('input', { id: 'send-expireAt', name: 'expireAt', type: 'datetime-local' }),
        parameters: h('textarea', { id: 'send-parameters', name: 'parameters', rows: 2, autocomplete: 'off' }),
        maxParts: h('input', { id: 'send-maxParts', name: 'maxParts', type: 'number', min: 1, step: 1 }),
        flash: h('input', { id: 'send-flash', name: 'flash', type: 'checkbox' }),
        feedbackEnabled: h('input', { id: 'send-feedbackEnabled', name: 'feedbackEnabled', type: 'checkbox' }),
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
        if (CHECKBOXES.includes(name)) {
            return h('div', { class: 'field checkbox' },
                inputs[name], h('label', { for: inputs[name].id }, label), errors[name]);
        }
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
    const dryRunButton = h('button', { type: 'button', id: 'send-dry-run', class: 'secondary' }, 'Dry run');
    const form = h('form', { id: 'send-form', novalidate: true, 'aria-label': 'Send an SMS' },
        fields.slice(0, BASIC_FIELDS),
        h('details', { id: 'send-options' },
            h('summary', {}, 'Scheduling, parameters and more of Sinch\'s options'),
            fields.slice(BASIC_FIELDS)),
        h('div', { class: 'actions' }, button, dryRunButton));
    // One key per filled form: a second click, or a retry after a lost answer, sends nothing twice.
    let key = newKey();
    form.addEventListener('input', () => {
        key = newKey();
    });

    /** The request as the API takes it; throws a field error for parameters that are not JSON. */
    function request() {
        const asked = {
            to: inputs.to.value.split(/[\s,;]+/).filter(Boolean),
            body: inputs.body.value,
        };
        for (const name of ['from', 'clientReference', 'deliveryReport']) {
            if (inputs[name].value.trim()) {
                asked[name] = inputs[name].value.trim();
            }
        }
        for (const name of ['sendAt', 'expireAt']) {
            if (inputs[name].value) {
                asked[name] = new Date(inputs[name].value).toISOString();
            }
        }
        if (inputs.maxParts.value) {
            asked.maxParts = Number(inputs.maxParts.value);
        }
        for (const name of CHECKBOXES) {
            if (inputs[name].checked) {
                asked[name] = true;
            }
        }
        if (inputs.parameters.value.trim()) {
            try {
                asked.parameters = JSON.parse(inputs.parameters.value);
            } catch {
                throw new ApiError(400, { detail: 'parameters: is not valid JSON', field: 'parameters' });
            }
        }
        return asked;
    }

    function showError(error, what) {
        // A problem names the field, or a parameter of it ("parameters.name").
        const field = error instanceof ApiError ? error.problem?.field?.split('.')[0] : null;
        if (field && errors[field]) {
            // An option's error opens the options, so that the field it names can be seen and focused.
            form.querySelector('#send-options').open ||= !Object.keys(FIELDS).slice(0, BASIC_FIELDS).includes(field);
            fill(errors[field], error.message);
            inputs[field].setAttribute('aria-invalid', 'true');
            inputs[field].focus();
        } else {
            fill(result, notice(`${what}: ${error.message}`));
        }
    }

    function cancelButton(sent) {
        const cancel = h('button', { type: 'button', id: 'send-cancel', class: 'secondary' }, 'Cancel this send');
        cancel.addEventListener('click', async () => {
            cancel.disabled = true;
            try {
                const cancelled = await del(`api/send-requests/${encodeURIComponent(sent.requestId)}`);
                fill(result, notice(`Cancelled: ${cancelled.messages.length} message(s), ${cancelled.status}.`, 'info'));
            } catch (error) {
                cancel.disabled = false;
                result.append(notice(`Not cancelled: ${error.message}`));
            }
        });
        return cancel;
    }

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors();
        button.disabled = true;
        try {
            const asked = request();
            // A client reference is the key already; the API takes one or the other.
            const sent = await post('api/messages', asked, asked.clientReference ? {} : { 'Idempotency-Key': key });
            key = newKey();
            const when = sent.sendAt ? `, to be sent at ${new Date(sent.sendAt).toLocaleString()}` : '';
            fill(result, notice(`Accepted: ${sent.messages.length} message(s), ${sent.status}${when}.`, 'info'),
                h('ul', {}, sent.messages.map((message) => h('li', {},
                    h('a', { href: `#/messages/${encodeURIComponent(message.id)}` }, message.recipient),
                    ` · ${message.encoding} · ${message.parts} part(s)`))),
                sent.sendAt ? cancelButton(sent) : null);
            form.reset();
            fill(parts, partsText(''));
        } catch (error) {
            showError(error, 'Not sent');
        } finally {
            button.disabled = false;
        }
    });

    // What Sinch would send, recipient by recipient, before anything is sent.
    dryRunButton.addEventListener('click', async () => {
        clearErrors();
        dryRunButton.disabled = true;
        try {
            const counted = await post('api/messages?dryRun=true', request());
            fill(result, notice(`Dry run: ${counted.recipients} recipient(s), ${counted.messages} part(s) in all;`
                + ' nothing was sent.', 'info'),
            h('table', { id: 'send-dry-run-result' },
                h('thead', {}, h('tr', {}, ['Recipient', 'Encoding', 'Parts', 'Text'].map((name) => h('th', {}, name)))),
                h('tbody', {}, counted.perRecipient.map((one) => h('tr', {},
                    h('td', {}, one.recipient), h('td', {}, one.encoding), h('td', {}, one.parts),
                    h('td', {}, one.body ?? '')))))); 
        } catch (error) {
            showError(error, 'Dry run failed');
        } finally {
            dryRunButton.disabled = false;
        }
    });
    main.append(h('h2', {}, 'Send an SMS'), form, result);
    rendered('send');
}
