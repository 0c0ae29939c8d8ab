package com.govfeedback.storage;

import java.util.List;

/**
 * The single DynamoDB table: its key attributes and global secondary indexes, defined once here and
 * read by the storage code, the local table bootstrap and the CDK stack. Every key attribute is a
 * string; every index projects all attributes. The access patterns are listed in docs/storage.md.
 */
public final class TableSchema {
    public static final String DEFAULT_TABLE_NAME = "feedback";

    public static final String PK = "PK";
    public static final String SK = "SK";
    /** Epoch seconds after which DynamoDB may delete the item (rate counters, similarity signatures). */
    public static final String TTL = "expiresAt";
    /** What an item is: FEEDBACK, REQUEST, RATE… */
    public static final String ENTITY = "entity";

    /** A citizen's own feedback, newest first: GSI1PK = CITIZEN#{subject}, GSI1SK = {feedback id}. */
    public static final Index BY_CITIZEN = new Index("ByCitizen", "GSI1PK", "GSI1SK");
    /**
     * A department's open work, nearest deadline first: GSI2PK = QUEUE#{department}, GSI2SK = {due at}#{id}; its copy
     * queue, one small entry item per copied department: GSI2PK = COPY#{department}, same sort key. Also, under partitions
     * no queue uses, the audit entries recorded on a day: GSI2PK = AUDITDAY#{day}, GSI2SK = {case id}#{seq}.
     */
    public static final Index BY_QUEUE = new Index("ByQueue", "GSI2PK", "GSI2SK");
    /**
     * Items whose next SLA timer point is set, write-sharded: GSI3PK = DUE#{shard}, GSI3SK = {next timer at}#{id}.
     * Sparse: an item leaves it when no timer remains.
     */
    public static final Index BY_DUE = new Index("ByDue", "GSI3PK", "GSI3SK");

    /** Improvements still in the 需求池, highest priority first: GSI4PK = IMPROVEMENT_POOL, GSI4SK = {rank}#{id}. Sparse. */
    public static final Index BY_POOL = new Index("ByPool", "GSI4PK", "GSI4SK");
    /** Improvements per status: GSI5PK = IMPROVEMENT_STATUS#{status}, GSI5SK = {rank}#{id}, or {released at}#{id} when released. */
    public static final Index BY_STATUS = new Index("ByStatus", "GSI5PK", "GSI5SK");
    /** Improvements per lead department, highest priority first: GSI6PK = IMPROVEMENT_DEPT#{department}, GSI6SK = {rank}#{id}. */
    public static final Index BY_DEPARTMENT = new Index("ByDepartment", "GSI6PK", "GSI6SK");

    public static final List<Index> INDEXES = List.of(BY_CITIZEN, BY_QUEUE, BY_DUE, BY_POOL, BY_STATUS, BY_DEPARTMENT);

    /**
     * Partitions of {@link #BY_DUE}: items spread over them by a hash of their id, so no partition is hot and a sweep
     * reads each in turn, oldest timer first.
     */
    public static final int DUE_SHARDS = 8;

    private TableSchema() {
    }

    /** A global secondary index over two string attributes, projecting everything. */
    public record Index(String name, String partitionKey, String sortKey) {
    }
}
