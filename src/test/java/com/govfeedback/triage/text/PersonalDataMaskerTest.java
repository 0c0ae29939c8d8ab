package com.govfeedback.triage.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {
    private static final String[] PROVINCES = {"11", "31", "44", "51", "65", "81", "82"};
    private static final int ROUNDS = 300;

    private final PersonalDataMasker masker = new PersonalDataMasker();
    private final Random random = new Random(20240601L);

    @Test
    void masksGeneratedResidentIdsWithValidCheckDigitInHalfAndFullWidth() {
        for (int i = 0; i < ROUNDS; i++) {
            String id = validId18();
            String id2 = i % 2 == 0 ? id : id.toLowerCase();
            assertThat(masker.mask("身份证号" + id2 + "，请核实")).isEqualTo("身份证号[身份证号]，请核实");
            assertThat(masker.mask("证件：" + fullWidth(id2))).isEqualTo("证件：[身份证号]");
            assertThat(masker.mask("号码 " + id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14)))
                    .isEqualTo("号码 [身份证号]");
        }
    }

    @Test
    void leavesEighteenDigitNumbersWithWrongCheckDigitAlone() {
        for (int i = 0; i < ROUNDS; i++) {
            String id = validId18();
            char wrong = "0123456789X".replace(String.valueOf(id.charAt(17)), "").charAt(random.nextInt(10));
            String text = "编码" + id.substring(0, 17) + wrong + "有问题";
            assertThat(masker.mask(text)).isEqualTo(text);
        }
    }

    @Test
    void masksLegacyFifteenDigitIds() {
        for (int i = 0; i < ROUNDS; i++) {
            String id = PROVINCES[random.nextInt(PROVINCES.length)] + digits(4)
                    + String.format("%02d%02d%02d", 30 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28))
                    + digits(3);
            assertThat(masker.mask("老身份证" + id)).isEqualTo("老身份证[身份证号]");
        }
    }

    @Test
    void masksMainlandMobilesInEveryWrittenForm() {
        for (int i = 0; i < ROUNDS; i++) {
            String m = "1" + (3 + random.nextInt(7)) + digits(9);
            String masked = m.substring(0, 3) + "****" + m.substring(7);
            String spaced = m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
            String dashed = m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7);
            for (String written : new String[] {m, spaced, dashed, "+86 " + m, "+86" + m, "0086 " + spaced,
                "+86-" + dashed, fullWidth(m), "＋８６ " + fullWidth(spaced)}) {
                assertThat(masker.mask("联系我" + written + "谢谢")).as(written).isEqualTo("联系我" + masked + "谢谢");
            }
        }
    }

    @Test
    void masksHongKongAndMacauMobilesWithCountryCodeOrPhoneWord() {
        for (int i = 0; i < ROUNDS; i++) {
            String hk = (4 + random.nextInt(6)) + digits(7);
            String mo = "6" + digits(7);
            assertThat(masker.mask("我在香港 +852 " + hk.substring(0, 4) + " " + hk.substring(4)))
                    .isEqualTo("我在香港 [香港手机]");
            assertThat(masker.mask("852-" + hk + "找我")).isEqualTo("[香港手机]找我");
            assertThat(masker.mask("(852) " + hk)).isEqualTo("[香港手机]");
            assertThat(masker.mask("澳門 +853" + mo)).isEqualTo("澳門 [澳门手机]");
            assertThat(masker.mask("00853 " + mo)).isEqualTo("[澳门手机]");
            assertThat(masker.mask("手提電話：" + hk)).isEqualTo("手提電話：[电话]");
            assertThat(masker.mask("WhatsApp " + mo)).isEqualTo("WhatsApp [电话]");
        }
    }

    @Test
    void masksLandlinesWithAreaCode() {
        for (int i = 0; i < ROUNDS; i++) {
            String area = random.nextBoolean() ? "0" + (1 + random.nextInt(2)) + random.nextInt(10)
                    : "0" + (3 + random.nextInt(7)) + digits(2);
            String local = (2 + random.nextInt(8)) + digits(random.nextBoolean() ? 6 : 7);
            for (String written : new String[] {area + "-" + local, "(" + area + ")" + local, "(" + area + ") " + local,
                area + " " + local, area + local, "+86 " + area.substring(1) + " " + local}) {
                assertThat(masker.mask("办公室" + written + "没人接")).as(written).isEqualTo("办公室[电话]没人接");
            }
        }
    }

    @Test
    void masksBankCardsPassingLuhnAndLeavesFailingOnesAlone() {
        for (int i = 0; i < ROUNDS; i++) {
            String card = luhnValid("62" + digits(14 + random.nextInt(3)));
            String grouped = card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            assertThat(masker.mask("卡号" + card)).isEqualTo("卡号[银行卡号]");
            assertThat(masker.mask("卡号：" + grouped + "。")).isEqualTo("卡号：[银行卡号]。");
            assertThat(masker.mask("卡" + fullWidth(card))).isEqualTo("卡[银行卡号]");
            String broken = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);
            assertThat(masker.mask("卡号" + broken)).isEqualTo("卡号" + broken);
        }
    }

    @Test
    void masksEmailAddressesIncludingFullWidth() {
        assertThat(masker.mask("发到zhang.san_01@mail.example.com.cn，谢谢")).isEqualTo("发到[邮箱]，谢谢");
        assertThat(masker.mask("邮箱ｌｉ１３８＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo("邮箱[邮箱]");
        assertThat(masker.mask("a 13812345678@qq.com b")).isEqualTo("a [邮箱] b");
    }

    @Test
    void leavesOrderNumbersDatesAndAmountsAlone() {
        for (int i = 0; i < ROUNDS; i++) {
            String dated = String.format("20%02d%02d%02d", 10 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String order = luhnValid(dated + digits(7 + random.nextInt(3)));
            for (String text : new String[] {"订单号" + order + "一直没处理", "流水 " + order, order + "是我的单",
                "订单号：1" + (3 + random.nextInt(7)) + digits(9), "案件编号 0755" + digits(8),
                "缴费" + random.nextInt(100000) + "." + digits(2) + "元", "日期 " + dated.substring(0, 4) + "-"
                    + dated.substring(4, 6) + "-" + dated.substring(6), "办理时间" + dated, "余额 " + (4 + random.nextInt(5))
                    + digits(7) + " 元", "受理号SN" + digits(16), "拨打12345热线"}) {
                assertThat(masker.mask(text)).as(text).isEqualTo(text);
            }
        }
    }

    @Test
    void masksSeveralItemsInOneTextAndKeepsTheRest() {
        String id = validId18();
        String text = "我叫王五，身份证" + id + "，手机13812345678，邮箱w5@example.org，订单号20240315000123。";
        assertThat(masker.mask(text))
                .isEqualTo("我叫王五，身份证[身份证号]，手机138****5678，邮箱[邮箱]，订单号20240315000123。");
        assertThat(masker.mask("")).isEmpty();
        assertThat(masker.mask(null)).isNull();
    }

    private String validId18() {
        String first17 = PROVINCES[random.nextInt(PROVINCES.length)] + digits(4)
                + String.format("%04d%02d%02d", 1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28))
                + digits(3);
        return first17 + checkChar(first17);
    }

    /** GB 11643: weights 2^(17-i) mod 11, check character from "10X98765432". */
    private static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** Replaces the last digit so the whole number passes Luhn. */
    private static String luhnValid(String digits) {
        String body = digits.substring(0, digits.length() - 1);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    private String digits(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return sb.toString();
    }
}
