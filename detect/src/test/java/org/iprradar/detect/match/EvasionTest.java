package org.iprradar.detect.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.iprradar.common.model.Evidence;
import org.iprradar.detect.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Brand names must be found in the forms sellers write them to get past keyword filters. */
class EvasionTest {

  private final ListingMatcher matcher =
      Fixtures.matcher(
          List.of(),
          List.of(Fixtures.LOUIS_VUITTON, Fixtures.GUCCI, Fixtures.NIKE, Fixtures.APPLE));

  @ParameterizedTest(name = "{0} finds {1} in \"{2}\"")
  @CsvSource(
      delimiterString = "|",
      value = {
        "letters spaced out       | lv     | 新款 L V 老花 手袋           | L V",
        "letters with dots        | gucci  | G.U.C.C.I 腰带              | G.U.C.C.I",
        "Latin words run together | lv     | louisvuitton 钱包            | louisvuitton",
        "pinyin of the Chinese    | gucci  | gu chi 酒神包 链条            | gu chi",
        "pinyin run together      | gucci  | guchi 酒神包                 | guchi",
        "leetspeak digit          | nike   | N1KE 空军 板鞋               | N1KE",
        "spaced Chinese           | gucci  | 古 驰 男士 皮带               | 古 驰",
        "punctuated Chinese       | lv     | 路-易*威/登 旅行袋             | 路-易*威/登",
        "emoji between characters | gucci  | 古❤驰 手袋                   | 古❤驰",
        "zero-width space         | gucci  | 古\u200B驰 手袋              | 古\u200B驰",
        "full-width Latin         | nike   | ＮＩＫＥ 跑鞋                  | ＮＩＫＥ",
        "inside a run of Chinese  | lv     | 正品驴牌老花包                 | 驴牌",
        "name followed by model   | apple  | iPhone15 Pro 国行            | iPhone",
        "traditional characters   | lv     | 路易威登 經典 手袋             | 路易威登",
      })
  void shouldFindTheBrandDespiteTheEvasion(
      String evasion, String brandId, String title, String expectedText) {
    String decoded = title.replace("\\u200B", "\u200B");
    String expected = expectedText.replace("\\u200B", "\u200B");

    var result = matcher.match(Fixtures.listing("e", decoded, "100", null));

    var hit =
        result.hits().stream()
            .filter(h -> h.rule().id().equals("brand:" + brandId))
            .findFirst()
            .orElseThrow(() -> new AssertionError(evasion + ": no brand hit in " + result.hits()));
    Evidence evidence = hit.evidence().get(0);
    assertEquals(expected, evidence.text(), evasion);
    assertEquals(decoded.substring(evidence.start(), evidence.end()), evidence.text());
  }

  @ParameterizedTest(name = "no brand in \"{0}\"")
  @CsvSource({
    "银色 silver 项链 sterling", // l and v inside a word are not L V
    "新款 guitar 吉他 初学者", // gu and i around other letters are not 古驰
    "Nikon 尼康 相机 镜头", // a longer word that starts like a brand
  })
  void shouldNotFindABrandInsideOtherWords(String title) {
    var result = matcher.match(Fixtures.listing("n", title, "100", null));

    assertTrue(result.hits().isEmpty(), () -> "unexpected " + result.hits());
  }
}
