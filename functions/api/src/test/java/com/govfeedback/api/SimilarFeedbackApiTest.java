package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Near-duplicates join one cluster whose size ("me too") staff and citizens see; unrelated feedback stays apart. */
@QuarkusTest
@QuarkusTestResource(LocalStoreResource.class)
class SimilarFeedbackApiTest {

    @Test
    void nearDuplicatesJoinOneClusterAndTheCountIsVisible() {
        String unique = "编号" + System.nanoTime() % 100000;
        String first = "不动产登记中心预约系统" + unique + "号窗口一直显示排队人数已满，根本约不上，已经连续试了一周";
        String again = "不动产登记中心预约系统" + unique + "号窗口一直显示排队人数已满，根本约不上！！已经连续试了一周了";
        String alice = Tokens.freshCitizen();
        String bob = Tokens.freshCitizen();
        JsonPath a = Api.post("/feedback/submit", alice, Api.submission(first)).statusCode(200).extract().jsonPath();
        assertThat(a.getInt("similar.members")).isEqualTo(1);
        JsonPath b = Api.post("/feedback/submit", bob, Api.submission(again)).statusCode(200).extract().jsonPath();
        assertThat(b.getString("similar.clusterId")).isEqualTo(a.getString("id"));
        assertThat(b.getInt("similar.members")).isEqualTo(2);
        // the first citizen now sees the count too, and so does staff of the department
        assertThat(Api.post("/feedback/get", alice, Map.of("id", a.getString("id"))).extract().jsonPath().getInt("similar.members"))
                .isEqualTo(2);
        assertThat(Api.post("/feedback/get", Tokens.supervisor("BIG_DATA_BUREAU"), Map.of("id", b.getString("id"))).extract().jsonPath()
                .getInt("similar.members")).isEqualTo(2);
        // a retried submission is not counted twice
        Map<String, Object> third = Api.submission(again + "。");
        Api.post("/feedback/submit", Tokens.freshCitizen(), third).statusCode(200);
        String carol = Tokens.freshCitizen();
        Api.post("/feedback/submit", carol, third).statusCode(200);
        Api.post("/feedback/submit", carol, third).statusCode(200);
        assertThat(Api.post("/feedback/get", alice, Map.of("id", a.getString("id"))).extract().jsonPath().getInt("similar.members"))
                .isEqualTo(4);
    }

    @Test
    void unrelatedFeedbackStartsItsOwnCluster() {
        String token = Tokens.freshCitizen();
        JsonPath a = Api.post("/feedback/submit", token, Api.submission("希望增加夜间模式，晚上看屏幕太刺眼" + System.nanoTime()))
                .statusCode(200).extract().jsonPath();
        JsonPath b = Api.post("/feedback/submit", token, Api.submission("公积金贷款审批进度在哪里查询？" + System.nanoTime()))
                .statusCode(200).extract().jsonPath();
        assertThat(a.getString("similar.clusterId")).isEqualTo(a.getString("id"));
        assertThat(b.getString("similar.clusterId")).isEqualTo(b.getString("id"));
    }
}
