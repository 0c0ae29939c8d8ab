package com.govfeedback.feedback;

/** Where a feedback is in its life (需求追踪器); the allowed moves are in {@code feedback.lifecycle.StateMachine}. */
public enum Status {
    SUBMITTED("待审核"),
    ACCEPTED("已受理"),
    IN_PROGRESS("处理中"),
    IN_DEVELOPMENT("开发中"),
    IN_TESTING("测试中"),
    RELEASED("已上线"),
    RESOLVED("已办结"),
    CLOSED("已关闭"),
    AWAITING_CITIZEN("待补充"),
    REJECTED("不予采纳"),
    DEFERRED("纳入长期规划"),
    MERGED("已合并"),
    REOPENED("重新办理"),
    /** The citizen took it back before any department acknowledged it: final, not counted as handled. */
    WITHDRAWN("已撤回");

    private final String chineseName;

    Status(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
