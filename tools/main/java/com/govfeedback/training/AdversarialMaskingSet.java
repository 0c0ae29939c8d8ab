package com.govfeedback.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.govfeedback.triage.text.PersonalDataMasker;

/**
 * Generates the labelled lines the masker is measured on ({@code make evaluate-masking}): feedback-like sentences
 * carrying personal data in the forms people really type it (and the forms meant to slip past a masker: dots, letters,
 * zero-width characters, full-width, mathematical and Chinese digits, words that usually introduce order numbers), and
 * look-alikes that must stay readable (order and tracking numbers, amounts, dates, app versions, the service's own
 * tracking numbers, hotlines, addresses of machines). Every value is drawn from a seeded generator, so the same seed
 * gives the same lines; nothing is copied from real feedback.
 */
public final class AdversarialMaskingSet {
    /** {@code [start, end)} of a value in its line, its category and whether it is personal data. */
    public record Span(int start, int end, String category, boolean personal) {
    }

    public record Line(String text, List<Span> spans) {
    }

    private static final String[] FILLERS = {"社保卡页面一直闪退", "公积金提取进度查不到", "预约挂号总是提示系统繁忙", "医保报销材料上传失败",
        "不动产登记预约约不上", "营业执照年报提交不了", "个税汇算页面打不开", "户籍迁移网上办理一直审核中", "居住证续签提示信息不符",
        "驾驶证换证照片上传失败", "养老金资格认证刷脸不通过", "孩子入学报名系统登录不了", "电子社保卡二维码出不来", "办事大厅排队太久了",
        "工作人员态度很好，谢谢", "希望增加夜间办理时段", "核酸报告查询显示无此用户", "公交实时到站不准", "水电气过户还要分别去办",
        "字太小了老人看不清", "上次反馈的问题还没人处理", "请尽快回复我", "麻烦核实一下", "已经打了好几次热线",
        "醫保電子憑證掃不出來", "預約掛號一直失敗", "社保繳費記錄查不到"};
    private static final String[] CLOSINGS = {"，谢谢", "。", "，请尽快处理", "，麻烦了", "！", "", "，急！", "，盼回复"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"};
    private static final String[] GIVEN = {"三", "四", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "小明",
        "建国", "秀英", "海燕", "志强"};
    private static final String[] PINYIN = {"zhang", "wang", "li", "zhao", "liu", "chen", "yang", "huang", "zhou", "wu", "xu", "sun"};
    private static final String[] DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "example.com", "mail.example.com.cn",
        "example.org", "foxmail.com", "example.gov.cn"};
    private static final String[] PROVINCES = {"11", "12", "31", "32", "33", "37", "44", "50", "51", "61", "65", "81", "82"};
    private static final String[] CHINESE_DIGITS = {"〇零", "一幺壹", "二两贰", "三叁", "四肆", "五伍", "六陆", "七柒", "八捌", "九玖"};
    private static final int[] MATH_ZEROS = {0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6};
    private static final char[] ZERO_WIDTH = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'};
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Random random;
    private final List<Category> personal = new ArrayList<>();
    private final List<Category> lookAlikes = new ArrayList<>();

    private record Category(String name, Function<Random, String[]> parts) {
    }

    private AdversarialMaskingSet(long seed) {
        this.random = new Random(seed);
        definePersonal();
        defineLookAlikes();
    }

    /** {@code count} lines from {@code seed}: each carries one value of a category in turn, a third also a second value. */
    public static List<Line> generate(long seed, int count) {
        return new AdversarialMaskingSet(seed).lines(count);
    }

    private List<Line> lines(int count) {
        List<Category> all = new ArrayList<>(personal);
        all.addAll(lookAlikes);
        List<Line> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Category first = all.get(i % all.size());
            LineBuilder line = new LineBuilder();
            if (random.nextInt(3) == 0) {
                line.text(pick(FILLERS)).text(random.nextBoolean() ? "，" : "。");
            }
            line.value(first, first.parts().apply(random));
            if (random.nextInt(3) == 0) {
                List<Category> others = personal.contains(first) ? lookAlikes : personal;
                Category second = others.get(random.nextInt(others.size()));
                line.text(random.nextBoolean() ? "，另外" : "；").value(second, second.parts().apply(random));
            }
            if (random.nextBoolean()) {
                line.text("，" + pick(FILLERS));
            }
            lines.add(line.text(pick(CLOSINGS)).build());
        }
        return lines;
    }

    /** A line under construction: plain text and labelled values, the label's offsets counted as it grows. */
    private final class LineBuilder {
        private final StringBuilder text = new StringBuilder();
        private final List<Span> spans = new ArrayList<>();

        LineBuilder text(String plain) {
            text.append(plain);
            return this;
        }

        /** {@code parts} = words before, the value, words after. */
        LineBuilder value(Category category, String[] parts) {
            text.append(parts[0]);
            int start = text.length();
            text.append(parts[1]);
            spans.add(new Span(start, text.length(), category.name(), personal.contains(category)));
            text.append(parts[2]);
            return this;
        }

        Line build() {
            return new Line(text.toString(), List.copyOf(spans));
        }
    }

    private void definePersonal() {
        personal.addAll(List.of(
                new Category("mobile", r -> around(r, new String[] {"我的手机", "电话", "联系方式：", "有事打", "号码是", "请回电",
                    "手機", "", "（", "【", "微信：", "https://example.com/u/"}, mobile(r), pick(r, "", "", "）", "】", "\n"))),
                new Category("mobile-grouped", r -> around(r, new String[] {"电话 ", "手机号：", "联系我", ""},
                        grouped(mobile(r), pick(r, " ", "-", " - ", "  ", "\n", "－"), pick(r, new int[] {3, 4, 4}, new int[] {3, 8},
                                new int[] {4, 4, 3}, new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})), "")),
                new Category("mobile-dots-slashes", r -> around(r, new String[] {"电话", "手机", "回电", ""},
                        grouped(mobile(r), pick(r, ".", "/", "_", "·"), new int[] {3, 4, 4}), "")),
                new Category("mobile-country-code", r -> around(r, new String[] {"手机", "联系", "我的号", ""},
                        pick(r, "+86 ", "+86", "+86-", "0086 ", "0086-", "(+86)", "86-", "+86 ") + pick(r, mobile(r),
                                grouped(mobile(r), " ", new int[] {3, 4, 4}), grouped(mobile(r), "-", new int[] {3, 4, 4})), "")),
                new Category("mobile-next-to-letters", r -> new String[] {pick(r, "", "联系", "留个") + pick(r, "tel", "Tel", "TEL",
                    "phone", "mobile", "call", "vx", "wx", "Tel:", "tel."), mobile(r), pick(r, "", "", "ok", "（微信同号）")}),
                new Category("mobile-zero-width", r -> around(r, new String[] {"电话", "手机", "找我", ""}, zeroWidth(r, mobile(r)), "")),
                new Category("mobile-full-width", r -> around(r, new String[] {"电话", "联系", "", "＋８６ "}, pick(r,
                        fullWidth(mobile(r)), fullWidth(grouped(mobile(r), " ", new int[] {3, 4, 4})), halfFullWidth(r, mobile(r))), "")),
                new Category("mobile-math-digits", r -> around(r, new String[] {"电话", "手机", "加我", ""}, mathDigits(r, mobile(r)), "")),
                new Category("mobile-chinese-numerals", r -> around(r, new String[] {"电话", "手机号是", "打", "联系方式", ""},
                        chineseNumerals(r, mobile(r)), pick(r, "", "", "找我"))),
                new Category("mobile-after-word", r -> around(r, new String[] {"快递", "快递员", "快递小哥", "当事人", "案件当事人",
                    "收件人", "家属", "我妈", "房东", "外卖员", "快遞員", "订单一直没到，", "工单处理了吗 ", "金额不对，", "今天2026.12.01打了",
                    "版本5.3.1的问题找"}, mobile(r), "")),
                new Category("landline", r -> around(r, new String[] {"办公室", "家里座机", "电话", "单位", ""}, landline(r), "")),
                new Category("hong-kong-macau", r -> hongKongOrMacau(r)),
                new Category("id-valid", r -> around(r, new String[] {"身份证号", "身份证：", "证件号码 ", "本人身份证", "身份證", ""},
                        idWritten(r, validId(r)), pick(r, "", "", "号", "的"))),
                new Category("id-wrong-check-digit", r -> around(r, new String[] {"身份证号", "证件号", "我的身份证是", "身份证",
                    "老人的"}, idWritten(r, invalidId(r)), "")),
                new Category("id-fifteen-digits", r -> around(r, new String[] {"老身份证", "旧证件号", "一代证"}, id15(r), "")),
                new Category("bank-card", r -> around(r, new String[] {"卡号", "银行卡", "工资卡", "退到", "尾号不对的卡", ""},
                        card(r, true), "")),
                new Category("bank-card-mistyped", r -> around(r, new String[] {"卡号", "银行卡号：", "储蓄卡 ", "账号"},
                        card(r, false), "")),
                new Category("email", r -> around(r, new String[] {"邮箱", "发到", "email: ", "联系邮箱：", "", "Mail:"},
                        pick(r, "", "", "Z", "Li.") + pick(PINYIN) + pick(r, "", ".", "_", "+gov") + pick(r, "", "san", "01", "2024",
                                String.valueOf(r.nextInt(1000))) + "@" + pick(r, "", "", "Mail.") + pick(DOMAINS), pick(r, "", ".", "。"))),
                new Category("email-chinese-local-part", r -> around(r, new String[] {"邮箱", "发邮件到", "我的邮箱是", "邮箱：", " "},
                        pick(SURNAMES) + pick(GIVEN) + pick(r, "", "", "2024", ".工作", "_01") + "@" + pick(DOMAINS), "")),
                new Category("email-full-width", r -> around(r, new String[] {"邮箱", "郵箱：", ""},
                        fullWidth(pick(PINYIN) + r.nextInt(100) + "@" + pick(DOMAINS)), "")),
                new Category("qq", r -> {
                    String qq = (1 + r.nextInt(9)) + digits(r, 4 + r.nextInt(6));
                    return around(r, new String[] {"QQ", "QQ号：", "qq ", "扣扣", "加我QQ", "QQ号码是", "企鹅号"}, r.nextInt(4) == 0
                            ? fullWidth(qq) : qq, "");
                }),
                new Category("passport", r -> around(r, new String[] {"护照号", "护照：", "Passport No.", "护照号码 ", "港澳通行证",
                    "回乡证号", "通行證"}, pick(r, "E", "EA", "EB", "G", "C", "H", "K", "e") + digits(r, 7 + r.nextInt(2)), ""))));
    }

    private void defineLookAlikes() {
        lookAlikes.addAll(List.of(
                new Category("order-number", r -> around(r, new String[] {"订单号", "订单号：", "工单编号 ", "流水号", "受理号",
                    "案件编号", "申请号"}, pick(r, dated(r, 16 + r.nextInt(5)), mobile(r), "0755" + digits(r, 8), luhn(dated(r, 18)),
                            digits(r, 12)), "")),
                new Category("order-number-bare", r -> around(r, new String[] {"", "单子", "我买的"},
                        pick(r, dated(r, 18), luhn(dated(r, 16)), luhn(dated(r, 19)), "DD" + dated(r, 16), "NO." + dated(r, 14)),
                        pick(r, "一直没发货", "显示异常", ""))),
                new Category("amount", r -> around(r, new String[] {"缴费", "退款", "余额", "扣了", "共计", "¥", "￥", "金额：", ""},
                        amount(r), pick(r, "元", " 元", "块", "元钱", "万元", ""))),
                new Category("date", r -> around(r, new String[] {"", "日期", "办理时间", "于", "截止"}, date(r), "")),
                new Category("date-time", r -> around(r, new String[] {"", "提交于", "时间戳"}, dateTime(r), "")),
                new Category("courier-tracking", r -> around(r, new String[] {"快递单号", "运单号：", "顺丰", "中通", "京东快递", "EMS",
                    ""}, courier(r), "")),
                new Category("app-version", r -> around(r, new String[] {"版本", "APP版本 ", "升级到", "v", "V", "当前"},
                        version(r), pick(r, "", "后", "版本"))),
                new Category("own-tracking-number", r -> around(r, new String[] {"反馈编号", "我的反馈", "跟踪号", ""}, ownTracking(r), "")),
                new Category("hotline", r -> around(r, new String[] {"拨打", "打了", "热线", "客服"}, pick(r, "12345", "12315", "95588",
                        "400-" + digits(r, 3) + "-" + digits(r, 4), "400" + digits(r, 7), "800" + digits(r, 7), "110", "12333"), "")),
                new Category("machine-address", r -> around(r, new String[] {"IP", "内网地址", "服务器", ""}, ip(r), "")),
                new Category("measurement", r -> around(r, new String[] {"定位", "坐标", "身高", "体重", "乘坐", "温度"}, pick(r,
                        "22." + digits(r, 6) + ", 114." + digits(r, 6), (150 + r.nextInt(40)) + "cm", (40 + r.nextInt(60)) + "." + r.nextInt(10)
                                + "kg", (1 + r.nextInt(400)) + "路", "36." + r.nextInt(10) + "℃"), "")),
                new Category("codes", r -> around(r, new String[] {"验证码", "邮编", "行政区划", "统一社会信用代码", "车牌", "房号"},
                        pick(r, digits(r, 6), "5180" + digits(r, 2), "440305", "91440300" + crockford(r, 10), "粤B" + digits(r, 5),
                                (1 + r.nextInt(30)) + "栋" + (1 + r.nextInt(30)) + "0" + (1 + r.nextInt(8))), ""))));
    }

    private static String[] around(Random r, String[] before, String value, String after) {
        return new String[] {before[r.nextInt(before.length)], value, after};
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static String digits(Random r, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    private static String mobile(Random r) {
        return "1" + (3 + r.nextInt(7)) + digits(r, 9);
    }

    private static String grouped(String value, String separator, int[] sizes) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at > 0) {
                sb.append(separator);
            }
            sb.append(value, at, Math.min(value.length(), at + size));
            at += size;
        }
        return sb.toString();
    }

    private static String zeroWidth(Random r, String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            sb.append(value.charAt(i));
            if (i + 1 < value.length() && r.nextInt(3) == 0) {
                sb.append(ZERO_WIDTH[r.nextInt(ZERO_WIDTH.length)]);
            }
        }
        return sb.toString();
    }

    private static String fullWidth(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
        }
        return sb.toString();
    }

    /** Some characters full-width, the rest not. */
    private static String halfFullWidth(Random r, String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.append(r.nextBoolean() ? fullWidth(String.valueOf(c)) : String.valueOf(c));
        }
        return sb.toString();
    }

    private static String mathDigits(Random r, String value) {
        int zero = MATH_ZEROS[r.nextInt(MATH_ZEROS.length)];
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            sb.appendCodePoint(zero + (c - '0'));
        }
        return sb.toString();
    }

    private static String chineseNumerals(Random r, String value) {
        StringBuilder sb = new StringBuilder();
        boolean spaced = r.nextInt(4) == 0;
        for (int i = 0; i < value.length(); i++) {
            if (spaced && (i == 3 || i == 7)) {
                sb.append(' ');
            }
            String forms = CHINESE_DIGITS[value.charAt(i) - '0'];
            sb.append(forms.charAt(r.nextInt(3) == 0 ? r.nextInt(forms.length()) : 0));
        }
        return sb.toString();
    }

    private static String landline(Random r) {
        boolean shortArea = r.nextBoolean();
        String area = shortArea ? "0" + (1 + r.nextInt(2)) + r.nextInt(10) : "0" + (3 + r.nextInt(7)) + digits(r, 2);
        String local = (2 + r.nextInt(8)) + digits(r, r.nextBoolean() ? 6 : 7);
        return pick(r, area + "-" + local, "(" + area + ")" + local, area + " " + local, area + local,
                "+86 " + area.substring(1) + " " + local, area + "-" + local.substring(0, 4) + "-" + local.substring(4));
    }

    private static String[] hongKongOrMacau(Random r) {
        String hk = (5 + r.nextInt(5)) + digits(r, 7);
        String mo = "6" + digits(r, 7);
        return switch (r.nextInt(6)) {
            case 0 -> new String[] {"我在香港 ", "+852 " + hk.substring(0, 4) + " " + hk.substring(4), ""};
            case 1 -> new String[] {"", "852-" + hk, "找我"};
            case 2 -> new String[] {"澳門 ", "+853" + mo, ""};
            case 3 -> new String[] {"手提電話：", hk, ""};
            case 4 -> new String[] {"WhatsApp ", mo, ""};
            default -> new String[] {"当事人电话 ", hk.substring(0, 4) + " " + hk.substring(4), ""};
        };
    }

    private static String first17(Random r) {
        return PROVINCES[r.nextInt(PROVINCES.length)] + digits(r, 4)
                + String.format("%04d%02d%02d", 1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28)) + digits(r, 3);
    }

    private static String validId(Random r) {
        String first = first17(r);
        return first + PersonalDataMasker.idCheckChar(first);
    }

    /** A mistyped ID: province and birth date right, the check character wrong. */
    private static String invalidId(Random r) {
        String first = first17(r);
        String others = "0123456789X".replace(String.valueOf(PersonalDataMasker.idCheckChar(first)), "");
        return first + others.charAt(r.nextInt(others.length()));
    }

    private static String idWritten(Random r, String id) {
        return switch (r.nextInt(6)) {
            case 0 -> id.toLowerCase(java.util.Locale.ROOT);
            case 1 -> fullWidth(id);
            case 2 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            case 3 -> zeroWidth(r, id);
            default -> id;
        };
    }

    private static String id15(Random r) {
        return PROVINCES[r.nextInt(PROVINCES.length)] + digits(r, 4)
                + String.format("%02d%02d%02d", 30 + r.nextInt(70), 1 + r.nextInt(12), 1 + r.nextInt(28)) + digits(r, 3);
    }


    private static String card(Random r, boolean valid) {
        String prefix = pick(r, "62", "6222", "6217", "4", "5", "9559", "3568");
        String body = prefix + digits(r, 16 + r.nextInt(4) - prefix.length());
        String card = luhn(body);
        if (!valid) {
            card = card.substring(0, card.length() - 1) + (char) ('0' + (card.charAt(card.length() - 1) - '0' + 1 + r.nextInt(9)) % 10);
        }
        return switch (r.nextInt(4)) {
            case 0 -> card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            case 1 -> card.replaceAll("(\\d{4})(?=\\d)", "$1-");
            default -> card;
        };
    }

    /** Replaces the last digit so the whole number passes Luhn. */
    private static String luhn(String digits) {
        String body = digits.substring(0, digits.length() - 1);
        return body + PersonalDataMasker.luhnCheckDigit(body);
    }

    private static String dated(Random r, int length) {
        String date = String.format("20%02d%02d%02d", 10 + r.nextInt(17), 1 + r.nextInt(12), 1 + r.nextInt(28));
        return date + digits(r, length - date.length());
    }

    private static String amount(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> String.valueOf(1 + r.nextInt(100000));
            case 1 -> (1 + r.nextInt(100000)) + "." + digits(r, 2);
            case 2 -> String.format("%,d.%02d", 1000 + r.nextInt(2_000_000), r.nextInt(100));
            case 3 -> "13" + digits(r, 3) + "." + digits(r, 2);
            case 4 -> (1 + r.nextInt(9)) + digits(r, 7);
            default -> r.nextInt(100) + "." + r.nextInt(10) + "%";
        };
    }

    private static String date(Random r) {
        int year = 2000 + r.nextInt(27);
        String m = String.format("%02d", 1 + r.nextInt(12));
        String d = String.format("%02d", 1 + r.nextInt(28));
        return pick(r, year + "-" + m + "-" + d, year + "/" + m + "/" + d, year + "." + m + "." + d, year + m + d,
                year + "年" + Integer.parseInt(m) + "月" + Integer.parseInt(d) + "日", m + "/" + d + "/" + year, year + "." + Integer.parseInt(m)
                        + "." + Integer.parseInt(d));
    }

    private static String dateTime(Random r) {
        String time = String.format("%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        return pick(r, date(r) + " " + time, dated(r, 14), "17" + digits(r, 11), "17" + digits(r, 8), time);
    }

    private static String courier(Random r) {
        return pick(r, "SF" + digits(r, 12), "SF" + digits(r, 13), "YT" + digits(r, 13), "JDVA" + digits(r, 11), "JD" + digits(r, 13),
                "75" + digits(r, 12), "77" + digits(r, 13), "EA" + digits(r, 9) + "CN", "JT" + digits(r, 13), "43" + digits(r, 11),
                "DPK" + digits(r, 12));
    }

    private static String version(Random r) {
        return pick(r, (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(10), (1 + r.nextInt(9)) + "." + r.nextInt(20) + "."
                + r.nextInt(10) + "-beta", "13." + r.nextInt(10) + "." + digits(r, 4), (1 + r.nextInt(9)) + "." + r.nextInt(20) + "."
                + r.nextInt(10) + " (" + dated(r, 8) + ")", (1 + r.nextInt(9)) + "." + r.nextInt(20) + "." + r.nextInt(10) + "."
                + digits(r, 3));
    }

    private static String ownTracking(Random r) {
        String day = String.format("%02d%02d%02d", 24 + r.nextInt(3), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String random = r.nextInt(3) == 0 ? digits(r, 8) : crockford(r, 8);
        return day + "-" + random.substring(0, 4) + "-" + random.substring(4);
    }

    private static String crockford(Random r, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(CROCKFORD.charAt(r.nextInt(CROCKFORD.length())));
        }
        return sb.toString();
    }

    private static String ip(Random r) {
        return pick(r, "192.168." + r.nextInt(256) + "." + r.nextInt(256), "10." + r.nextInt(256) + "." + r.nextInt(256) + "."
                + r.nextInt(256), "172.16." + (100 + r.nextInt(156)) + "." + (100 + r.nextInt(156)));
    }
}
