package com.govfeedback.sla;

/** The four urgency colours (四色预警), most urgent first; the declaration order is the urgency order. */
public enum Colour {
    RED("红色"),
    ORANGE("橙色"),
    YELLOW("黄色"),
    BLUE("蓝色");

    private final String chineseName;

    Colour(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** True when this colour asks for faster handling than {@code other}. */
    public boolean isMoreUrgentThan(Colour other) {
        return ordinal() < other.ordinal();
    }
}
