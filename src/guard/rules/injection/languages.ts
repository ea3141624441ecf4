import { testAnchored } from "../../anchors/index.ts";
import { re } from "../../regex.ts";
import type { InjectionFamily } from "./types.ts";

/**
 * Injections written in scripts the Latin-letter patterns never see: Chinese, Japanese, Korean,
 * Russian and Arabic. Matched on the cleaned text (NFKC, lower-cased), not on the folded forms,
 * which would turn Cyrillic look-alikes into Latin letters.
 */
const ABROAD: { family: InjectionFamily; pattern: RegExp }[] = [
  {
    family: "override",
    pattern: re(
      "u",
    )`(?:忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|别管|別管|跳过|跳過|不再遵守|不用遵守)(?:你|您)?(?:之前|以前|先前|上面|上述|前面|原来|原來|原有|
        被给予|所有|全部|一切)?的?(?:所有|全部|一切)?的?(?:指令|指示|规则|規則|设定|設定|提示|要求|限制|约束|約束|命令|规定|規定)`,
  },
  {
    family: "persona",
    pattern: re(
      "u",
    )`(?:你|您)(?:现在|現在|从现在开始|從現在開始|从今以后|從今以後|从此|從此)?[,，]?(?:就)?(?:是|扮演|成为|成為|变成|變成|作为|作為)?(?:一个|一個|
        一位)?(?:没有|沒有|不受|无|無|不再有)(?:任何)?(?:限制|规则|規則|约束|約束|审查|審查|过滤|過濾|道德)|开发者模式|開發者模式|越狱模式|越獄模式|(?:你|您)(?:现在|現在)?(?:已经|
        已經)?不再是|(?:什么|什麼|任何问题|任何問題)都(?:能|可以)?(?:回答|答)|扮演.{0,20}(?:没有|沒有|不受|无|無)(?:任何)?(?:限制|规则|規則|约束|約束)`,
  },
  {
    family: "extraction",
    pattern: re(
      "u",
    )`(?:系统|系統)(?:提示词|提示詞|提示|指令|消息|訊息)|(?:告诉|告訴|显示|顯示|输出|輸出|打印|重复|重複|给我|給我|说出|說出|透露|泄露|洩露|展示|
        列出)(?:我)?(?:你的|您的)(?:完整的?|全部的?|原始的?|初始的?|隐藏的?|隱藏的?)?(?:提示词|提示詞|指令|设定|設定|初始指令|规则|規則)`,
  },
  {
    family: "override",
    pattern: re(
      "u",
    )`(?:以前|これまで|前|上記|最初|今まで)の(?:指示|命令|ルール|設定|指令|規則)(?:を|は)?(?:すべて|全て|全部)?(?:無視|忘れ)|(?:指示|ルール|制限|
        規則)を(?:すべて|全て|全部)?無視`,
  },
  {
    family: "persona",
    pattern:
      /(?:制限|ルール|規則|検閲|フィルター|倫理)の?(?:ない|無い|なし|無し)(?:ai|ａｉ|アシスタント|ボット|モード|状態)|開発者モード|脱獄モード/u,
  },
  {
    family: "extraction",
    pattern:
      /システム・?プロンプト|(?:最初|初期|元)の(?:指示|プロンプト|設定)を?(?:教えて|見せて|表示|出力|繰り返)/u,
  },
  {
    family: "override",
    pattern:
      /(?:이전|앞|위|기존)의?\s*(?:모든\s*)?(?:지시|지침|명령|규칙|설정)(?:을|를|은|는)?\s*(?:모두\s*)?무시/u,
  },
  { family: "persona", pattern: /제한\s*(?:없이|없는)\s*(?:ai|대답|답|모드|대화)|개발자\s*모드/u },
  { family: "extraction", pattern: /시스템\s*프롬프트/u },
  {
    family: "override",
    pattern: re("u")`(?:игнорируй|игнорируйте|проигнорируй|забудь|забудьте|не обращай внимания на|отмени|
        отбрось)\s+(?:все\s+|всё\s+)?(?:предыдущие\s+|прежние\s+|свои\s+|твои\s+|данные\s+|системные\s+|
        эти\s+)?(?:инструкции|указания|правила|ограничения|установки|команды)`,
  },
  {
    family: "persona",
    pattern: re("u")`(?:ты|вы)\s+(?:теперь|сейчас|отныне)\b.{0,50}?без\s+(?:каких-либо\s+|всяких\s+|
        любых\s+)?(?:правил|ограничений|цензуры|фильтров)|режим\s+разработчика`,
  },
  {
    family: "extraction",
    pattern: re(
      "u",
    )`(?:покажи|выведи|расскажи|напиши|повтори|раскрой|дай)\s+.{0,20}?(?:системн\w*\s+(?:промпт|
        подсказк\w*|инструкци\w*|сообщени\w*)|(?:свои|твои|ваши)\s+(?:инструкции|правила|указания))`,
  },
  {
    family: "override",
    // Turkish, Vietnamese, Hindi, Polish, Indonesian, Greek.
    pattern: re("u")`(?:önceki|onceki|tüm|bütün)\s+(?:tüm\s+)?(?:talimatlar\w*|kurallar\w*|
        yönergeler\w*)\s+(?:\p{L}+\s+)?(?:yok say|görmezden gel|unut)|sistem\s+istem\w*|bỏ qua\s+(?:mọi|tất cả|các|
        toàn bộ)\s+(?:hướng dẫn|chỉ dẫn|quy tắc|chỉ thị)|không có (?:bất kỳ )?giới hạn|(?:निर्देशों|निर्देश|
        नियमों)\s+को\s+(?:अनदेखा|नज़रअंदाज़|नजरअंदाज|भूल)|(?:zignoruj|
        zapomnij)\s+(?:wszystkie\s+)?(?:poprzednie\s+)?(?:instrukcje|polecenia|zasady)|
        abaikan\s+(?:semua\s+)?(?:instruksi|perintah|aturan)|
        αγνόησε\s+(?:όλες\s+)?(?:τις\s+)?(?:προηγούμενες\s+)?οδηγίες`,
  },
  {
    family: "override",
    pattern: /تجاهل\s+(?:جميع\s+|كل\s+)?(?:التعليمات|الأوامر|القواعد)|(?:موجه|تعليمات)\s+النظام/u,
  },
];

/** The family of an injection written in one of these scripts, if the text holds one. */
export function findAbroad(clean: string): InjectionFamily | undefined {
  const text = clean.toLowerCase();
  return ABROAD.find(({ pattern }) => testAnchored(pattern, text))?.family;
}
