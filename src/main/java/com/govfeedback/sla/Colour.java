package com.govfeedback.sla;

/** The four urgency colours (四色预警), most urgent first; the declaration order is the urgency order. */
public enum Colour {
    RED,
    ORANGE,
    YELLOW,
    BLUE;

    /** True when this colour asks for faster handling than {@code other}. */
    public boolean isMoreUrgentThan(Colour other) {
        return ordinal() < other.ordinal();
    }
}
