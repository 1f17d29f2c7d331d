// How many parts an SMS body takes, as the server counts it (SmsEncoding): GSM-7 when every
// character is in the GSM 03.38 alphabet (extension characters take two septets), UCS-2 otherwise.

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
    + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

function parts(units, single, perPart) {
    return units <= single ? 1 : Math.ceil(units / perPart);
}

/** {encoding: 'GSM' | 'UNICODE', units, parts} of a body; units are septets or UTF-16 units. */
export function smsParts(body) {
    let septets = 0;
    for (const c of body) {
        if (BASIC.includes(c)) {
            septets += 1;
        } else if (EXTENSION.includes(c)) {
            septets += 2;
        } else {
            return { encoding: 'UNICODE', units: body.length, parts: parts(body.length, 70, 67) };
        }
    }
    return { encoding: 'GSM', units: septets, parts: parts(septets, 160, 153) };
}
