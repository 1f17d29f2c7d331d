package dev.smstrack.messages;

/**
 * How an SMS body travels and what it costs: GSM-7 when every character is in the GSM 03.38
 * alphabet (extension characters take two septets), UCS-2 otherwise; one part up to 160 septets or
 * 70 UTF-16 units, else parts of 153 or 67 (the rest carries the concatenation header).
 */
public record SmsEncoding(String name, int units, int parts) {

    public static final String GSM = "GSM";
    public static final String UNICODE = "UNICODE";

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    public static SmsEncoding of(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                septets += 1;
            } else if (EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                return new SmsEncoding(UNICODE, body.length(), parts(body.length(), 70, 67));
            }
        }
        return new SmsEncoding(GSM, septets, parts(septets, 160, 153));
    }

    private static int parts(int units, int single, int perPart) {
        if (units <= single) {
            return 1;
        }
        return (units + perPart - 1) / perPart;
    }
}
