package org.iprradar.detect.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.iprradar.common.model.Assessment;
import org.iprradar.common.model.InfringementType;
import org.iprradar.common.model.Signal;
import org.iprradar.detect.Fixtures;
import org.iprradar.detect.match.ListingAnalyzer;
import org.iprradar.detect.match.Presearcher;
import org.iprradar.detect.rules.RuleBook;
import org.iprradar.detect.rules.RuleSet;
import org.iprradar.detect.score.Scorer;
import org.iprradar.detect.score.ScoringSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped starter pack (rules.yaml and brands.yaml) on listings written for this test: the
 * known traps stay below the lead threshold, and every domain area has a listing that becomes a
 * lead of the right type.
 */
class StarterPackTest {

  private static final ScoringSettings SETTINGS = ScoringSettings.DEFAULTS;
  private static final RuleSet PACK = shippedPack();
  private static final Scorer SCORER = new Scorer(SETTINGS);

  private static RuleSet shippedPack() {
    var book =
        new RuleBook(
            new ListingAnalyzer(), SETTINGS.brandMentionWeight(), Presearcher.TERM_FILTERED);
    try {
      var brands = BrandLoader.load("classpath:config/brands.yaml");
      brands.loaded().forEach(book::putBrand);
      var rules = RuleLoader.loadInto("classpath:config/rules.yaml", book);
      if (!brands.errors().isEmpty() || !rules.errors().isEmpty()) {
        throw new AssertionError("starter pack refused: " + brands.errors() + rules.errors());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return book.publish();
  }

  private static Assessment assess(String title, String price, String category, String shop) {
    var listing =
        Fixtures.listing("t", title, price, category.isEmpty() ? null : category, "seller", shop);
    return SCORER.assess(listing, PACK.matcher().match(listing), PACK.brands(), Fixtures.NOW);
  }

  private static String explain(Assessment a) {
    return a.score()
        + " "
        + a.signals().stream()
            .map(s -> s.ruleId() + "=" + s.contribution())
            .collect(Collectors.joining(", "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # trap                                | title                                          | price | category      | shop
          grade-A jade                           | 天然翡翠A货 冰种 平安扣 吊坠 附鉴定证书              | 1880  | jewelry       | 瑞丽玉石小铺
          antique-style porcelain                | 仿古 青花瓷 花瓶 客厅摆件 中式                      | 128   | home          | 景德镇陶瓷馆
          lifelike plants                        | 仿真绿植 龟背竹 落地盆栽 客厅装饰                    | 69    | home          | 花艺小店
          wood-look material                     | 仿木纹 铝合金 百叶窗 户外 遮阳                       | 260   | home          | 门窗建材
          lifelike silk flowers                  | 高仿真 牡丹花 绢花 客厅摆设                          | 39    | home          | 花艺小店
          screen protector for an iPhone         | 适用于苹果 iPhone 15 Pro 钢化膜 防窥                 | 19.9  | electronics   | 数码配件
          charger for a list of brands           | 兼容苹果/华为/小米 快充头 20W 双口                   | 29    | electronics   | 数码配件
          brand's flagship shop on a platform    | 罗莱家纺 纯棉枕套 一对 清仓特价                      | 49    | home_textiles | 罗莱家纺抖音官方旗舰店
          brand's own retro at a normal price    | Air Jordan 1 复刻 高帮 篮球鞋 男款                   | 1299  | footwear      | 运动鞋专营
          pure juice                             | 纯原汁 苹果汁 非浓缩还原 NFC 1L*6瓶                  | 59    | food          | 果汁工坊
          commissioned portrait                  | 1:1还原 定制 手绘 人物肖像 油画 照片转手绘            | 199   | art           | 手绘工作室
          reading glasses                        | 老花镜 男 女 高清 防蓝光 折叠 便携                   | 29    | glasses       | 眼镜工厂
          millet                                 | 山西 黄小米 新米 5斤 月子米 小米粥                    | 35    | food          | 杂粮合作社
          apples                                 | 烟台 红富士 苹果 10斤 脆甜 当季                       | 49    | food          | 果园直发
          Chanel-style jacket                    | 小香风 粗花呢 外套 女 秋冬 短款                      | 199   | apparel       | 女装源头厂
          used genuine bag at market price       | 闲置 香奈儿 CF 中号 2018年 有发票                    | 38000 | luxury_bags   | 个人闲置
          genuine key at list price              | 正版 Windows 11 家庭版 激活码 微软授权 电子发票       | 899   | software      | 软件授权店
          unbranded export overstock             | 外贸原单 尾单 纯棉 T恤 男 库存处理                   | 29    | apparel       | 服装库存
          herbicide that is not paraquat         | 草铵膦 除草剂 非百草枯 烂根 果园 茶园                | 45    | agri_pesticide| 农资店
          ivory-white wardrobe                   | 象牙白 实木 衣柜 卧室 简约                           | 2999  | furniture     | 家具厂
          healing-style plush toy                | 治愈系 毛绒 玩偶 失眠 陪睡 抱枕                       | 59    | toys          | 玩具店
          fertiliser with a real grade           | 复合肥 15-15-15 总养分45% 硫酸钾型 50kg 登记证齐全    | 165   | agri_fertilizer | 农资店
          cultivated orchid                      | 蝴蝶兰 组培苗 盆栽 年宵花 带花苞                      | 39    | plants        | 兰花大棚
          licensed seed                          | 玉米种子 审定编号 包衣 有标签 25kg 种业直供          | 480   | agri_seeds    | 种业公司
          used textbook                          | 出旧教材 人教版 高中物理 必修一 有笔记               | 10    | books         | 学姐闲置
          """)
  void shouldKeepATrapBelowTheLeadThreshold(
      String trap, String title, String price, String category, String shop) {
    var a = assess(title.strip(), price, category.strip(), shop.strip());

    assertFalse(a.lead(), () -> trap + ": " + explain(a));
    assertTrue(a.score() < SETTINGS.leadThreshold(), () -> trap + ": " + explain(a));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # area                          | title                                        | price | category        | type
          replica of a protected brand     | 路易威登 老花 手袋 高仿 一比一 专柜品质             | 580   | luxury_bags     | COUNTERFEIT_TRADEMARK
          replica at a genuine price       | 耐克 空军一号 纯原 公司级 男女同款                  | 799   | footwear        | COUNTERFEIT_TRADEMARK
          retro copy far below the band    | Air Jordan 4 复刻 男鞋 工厂直发                    | 79    | footwear        | COUNTERFEIT_TRADEMARK
          brand's boxes for refilling      | 贵州茅台 飞天 酒盒 空酒瓶 全套 批发                 | 30    | liquor          | COUNTERFEIT_TRADEMARK
          cheap bulk of a drug brand       | 云南白药 创可贴 100片*10盒 批发                    | 19.9  | drugs           | COUNTERFEIT_DRUG_OR_FOOD
          cracked software                 | AutoCAD 2024 破解版 安装包 远程安装                 | 9.9   | software        | PIRACY_COPYRIGHT
          cheap lifetime key               | Windows 11 专业版 永久激活 密钥 秒发               | 6.8   | software        | PIRACY_COPYRIGHT
          pirated textbook copies          | 高中数学 教材 电子版 PDF 网盘发货                   | 5     | books           | PIRACY_COPYRIGHT
          photocopied picture books        | 英文绘本 全套80册 复印版 彩印                       | 45    | books           | PIRACY_COPYRIGHT
          cure claims on tea               | 降血糖 桑叶茶 根治糖尿病 纯中药                     | 168   | food            | COUNTERFEIT_DRUG_OR_FOOD
          sildenafil in sweets             | 男士 草本 压片糖果 西地那非 强效                    | 98    | food            | COUNTERFEIT_DRUG_OR_FOOD
          repacked infant formula          | 婴儿奶粉 1段 分装 试吃装 进口奶源                   | 19.9  | baby_products   | COUNTERFEIT_DRUG_OR_FOOD
          banned pesticide                 | 甲拌磷 颗粒剂 地下害虫 韭菜蛆 专用                  | 30    | agri_pesticide  | PROHIBITED
          restricted pesticide on vegetables | 氧乐果 乳油 蚜虫 蔬菜 果树 通用                   | 18    | agri_pesticide  | PROHIBITED
          unlabelled fertiliser            | 复合肥 散装 无标签 50斤 玉米 通用                   | 60    | agri_fertilizer | SUBSTANDARD_AGRI_INPUT
          impossible nutrient content      | 高含量复合肥 30-30-30 总养分90% 冲施肥              | 80    | agri_fertilizer | SUBSTANDARD_AGRI_INPUT
          F2 hybrid seed                   | 杂交玉米 二代种 便宜处理 一袋10斤                   | 35    | agri_seeds      | SUBSTANDARD_AGRI_INPUT
          wild protected plant             | 野生 铁皮石斛 山采 鲜条 500g                       | 120   | food            | PROHIBITED
          protected animal parts           | 穿山甲 鳞片 中药材 老货                            | 300   | other           | PROHIBITED
          unlicensed medical service       | 上门输液 打点滴 护士 24小时 随叫随到                 | 200   | services        | PROHIBITED
          """)
  void shouldMakeALeadOfEachDomainArea(
      String area, String title, String price, String category, InfringementType type) {
    var a = assess(title.strip(), price, category.strip(), "网店");

    assertTrue(a.lead(), () -> area + ": " + explain(a));
    assertEquals(type, a.infringementType(), () -> area + ": " + explain(a));
    double sum = a.signals().stream().mapToDouble(Signal::contribution).sum();
    assertEquals(a.score(), sum, 0.05, () -> area + ": " + explain(a));
  }
}
