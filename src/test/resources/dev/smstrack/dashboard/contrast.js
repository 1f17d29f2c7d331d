// Every text the page shows, against the background it is drawn on, by WCAG 2's contrast ratio:
// at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Returns what falls short.
const parse = (color) => {
    const [r, g, b, a = 1] = color.match(/[\d.]+/g).map(Number);
    return { r, g, b, a };
};
const luminance = ({ r, g, b }) => {
    const [R, G, B] = [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
};
const background = (element) => {
    for (let at = element; at; at = at.parentElement) {
        const color = parse(getComputedStyle(at).backgroundColor);
        if (color.a > 0) {
            return color;
        }
    }
    return { r: 255, g: 255, b: 255, a: 1 };
};
const short = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.getClientRects().length) {
        continue;
    }
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.clip === 'rect(0px, 0px, 0px, 0px)') {
        continue;
    }
    const [L1, L2] = [luminance(parse(style.color)), luminance(background(element))].sort((a, b) => b - a);
    const ratio = (L1 + 0.05) / (L2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
        short.push(`${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}" (${style.color} on ${getComputedStyle(element).backgroundColor})`);
    }
}
return short;
