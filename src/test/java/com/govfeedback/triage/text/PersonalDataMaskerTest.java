package com.govfeedback.triage.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
    void masksMistypedIdsWithProvinceAndBirthDateButLeavesThemAfterAReferenceWord() {
        for (int i = 0; i < ROUNDS; i++) {
            String id = validId18();
            char wrong = "0123456789X".replace(String.valueOf(id.charAt(17)), "").charAt(random.nextInt(10));
            String mistyped = id.substring(0, 17) + wrong;
            assertThat(masker.mask("编码" + mistyped + "有问题")).isEqualTo("编码[身份证号]有问题");
            assertThat(masker.mask("订单号：" + mistyped)).isEqualTo("订单号：" + mistyped);
            String notADate = "11" + id.substring(2, 10) + "13" + id.substring(12, 17) + wrong;
            assertThat(masker.mask("编码" + notADate)).isEqualTo("编码" + notADate);
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
    void masksMobilesWrittenToSlipPastAMasker() {
        for (int i = 0; i < ROUNDS; i++) {
            String m = "1" + (3 + random.nextInt(7)) + digits(9);
            String masked = m.substring(0, 3) + "****" + m.substring(7);
            for (String written : new String[] {m.substring(0, 3) + "." + m.substring(3, 7) + "." + m.substring(7),
                m.substring(0, 3) + "/" + m.substring(3, 7) + "/" + m.substring(7), m.substring(0, 3) + " - " + m.substring(3),
                String.join("\u200B", m.split("")), m.substring(0, 5) + "\u2060\uFEFF" + m.substring(5), mathBold(m),
                chineseNumerals(m), chineseNumerals(m.substring(0, 3)) + " " + m.substring(3)}) {
                assertThat(masker.mask("电话" + written + "。")).as(written).isEqualTo("电话" + masked + "。");
            }
            for (String before : new String[] {"tel", "Tel:", "phone", "vx", "快递", "快递员", "当事人", "案件当事人", "订单一直没到，",
                "2026.12.01 "}) {
                assertThat(masker.mask(before + m)).as(before).isEqualTo(before + masked);
            }
        }
    }

    @Test
    void readsAWordBeforeANumberOnlyWhereItSaysWhatTheNumberIs() {
        assertThat(masker.mask("当事人 9123 4567")).isEqualTo("当事人 [电话]");
        assertThat(masker.mask("客服400-854-5932")).isEqualTo("客服400-854-5932");
        assertThat(masker.mask("拨打400-854-5932")).as("no 7-digit phone inside a longer number").isEqualTo("拨打400-854-5932");
        assertThat(masker.mask("手机坏了 2005-04-24")).as("a date is no phone").isEqualTo("手机坏了 2005-04-24");
        assertThat(masker.mask("hotel 88881234")).as("tel only as a whole word").isEqualTo("hotel 88881234");
        assertThat(masker.mask("（微信同号），另外20000203")).as("a date after a phone word").isEqualTo("（微信同号），另外20000203");
        assertThat(masker.mask("電話：20120315")).isEqualTo("電話：[电话]");
        assertThat(masker.mask("QQ 22336；打了12315")).isEqualTo("QQ [QQ号]；打了12315");
    }

    @Test
    void masksQqAndPassportNumbersIntroducedByTheirWords() {
        assertThat(masker.mask("QQ：12345678，谢谢")).isEqualTo("QQ：[QQ号]，谢谢");
        assertThat(masker.mask("加我qq号 987654321")).isEqualTo("加我qq号 [QQ号]");
        assertThat(masker.mask("扣扣１２３４５６")).isEqualTo("扣扣[QQ号]");
        assertThat(masker.mask("QQ12345678")).isEqualTo("QQ[QQ号]");
        assertThat(masker.mask("护照号码 E12345678")).isEqualTo("护照号码 [证件号]");
        assertThat(masker.mask("Passport No.EA1234567")).isEqualTo("Passport No.[证件号]");
        assertThat(masker.mask("港澳通行证C12345678，台胞证 12345678")).isEqualTo("港澳通行证[证件号]，台胞证 [证件号]");
        assertThat(masker.mask("型号E12345678")).isEqualTo("型号E12345678");
        assertThat(masker.mask("一共12345678")).isEqualTo("一共12345678");
    }

    @Test
    void masksEmailAddressesWithAChineseLocalPartFromItsName() {
        assertThat(masker.mask("我的邮箱是张三@163.com，谢谢")).isEqualTo("我的邮箱是[邮箱]，谢谢");
        assertThat(masker.mask("发邮件到王小明2024@example.com.cn")).isEqualTo("发邮件到[邮箱]");
        assertThat(masker.mask("邮箱：李四.工作@qq.com。")).isEqualTo("邮箱：[邮箱]。");
        assertThat(masker.mask("价格@3.5元")).isEqualTo("价格@3.5元");
    }

    @Test
    void leavesVersionsTrackingNumbersAndMachineAddressesAlone() {
        for (String text : new String[] {"升级到13.8.1234后还是闪退", "5.10.0-beta", "反馈编号261129-7KX4-M2QD", "跟踪号261129-1381-2345",
            "服务器192.168.100.101", "坐标22.543099, 114.057868", "顺丰SF1381234567890", "京东JDVA13812345678", "2026.12.01",
            "2026/12/01", "缴费13812345678元", "¥13812345678", "SN13812345678", "电话0.13812345678"}) {
            assertThat(masker.mask(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void findsEachItemWithItsKindAndPlaceInTheText() {
        String text = "电话1\u200B3812345678，邮箱a@b.cn";
        assertThat(masker.find(text)).extracting(PersonalDataMasker.Finding::kind, PersonalDataMasker.Finding::start,
                PersonalDataMasker.Finding::end).containsExactly(tuple(PersonalDataMasker.Kind.MOBILE, 2, 14),
                        tuple(PersonalDataMasker.Kind.EMAIL, 17, 23));
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
    void masksBankCardsPassingLuhnOrIntroducedByACardWord() {
        for (int i = 0; i < ROUNDS; i++) {
            String card = luhnValid("62" + digits(14 + random.nextInt(3)));
            String grouped = card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            assertThat(masker.mask("卡号" + card)).isEqualTo("卡号[银行卡号]");
            assertThat(masker.mask("卡号：" + grouped + "。")).isEqualTo("卡号：[银行卡号]。");
            assertThat(masker.mask("卡" + fullWidth(card))).isEqualTo("卡[银行卡号]");
            String broken = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1) % 10);
            assertThat(masker.mask("卡号" + broken)).as("a mistyped card after a card word").isEqualTo("卡号[银行卡号]");
            assertThat(masker.mask("会员" + broken)).isEqualTo("会员" + broken);
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

    private static String mathBold(String digits) {
        StringBuilder sb = new StringBuilder();
        digits.chars().forEach(c -> sb.appendCodePoint(0x1D7CE + c - '0'));
        return sb.toString();
    }

    private static String chineseNumerals(String digits) {
        StringBuilder sb = new StringBuilder();
        digits.chars().forEach(c -> sb.append("〇幺二三四五六七八九".charAt(c - '0')));
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
