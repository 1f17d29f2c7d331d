// How numbers, times and durations read on the page.

/** A phone number with its middle hidden: +46701234567 → +467•••••567. */
export function masked(number) {
    if (!number) {
        return '';
    }
    if (number.length <= 6) {
        return '•'.repeat(number.length);
    }
    return number.slice(0, 4) + '•'.repeat(number.length - 7) + number.slice(-3);
}

const dateTime = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** An instant in the reader's time zone, or a dash. */
export function time(instant) {
    return instant ? dateTime.format(new Date(instant)) : '—';
}

/** Milliseconds as the largest units that say it: 850 ms, 12.3 s, 4 min 5 s, 2 h 10 min. */
export function duration(ms) {
    if (ms === null || ms === undefined) {
        return '—';
    }
    if (ms < 1000) {
        return `${ms} ms`;
    }
    const seconds = ms / 1000;
    if (seconds < 60) {
        return `${seconds.toFixed(1)} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return `${minutes} min ${Math.round(seconds % 60)} s`;
    }
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A share (0.934) as a percentage (93.4 %), or a dash. */
export function percent(share) {
    return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;
}

/** The CSS class of a status: final good, final bad, or on its way. */
export function statusClass(status) {
    const key = (status || '').toLowerCase();
    if (key === 'delivered' || key === 'read') {
        return 'status good';
    }
    if (['failed', 'expired', 'rejected', 'aborted', 'cancelled', 'deleted', 'unknown', 'failed_to_submit', 'timed_out']
        .includes(key)) {
        return 'status bad';
    }
    return 'status';
}
