// Chinese names for the API's codes; an unknown code shows as itself.

export const STATUS = {
  OPEN: '待处理', ASSIGNED: '已分派', CONFIRMED: '已确认', DISMISSED: '已排除', REFERRED: '已移交', CLOSED: '已结案',
};

export const TYPE = {
  NONE: '无', COUNTERFEIT_TRADEMARK: '假冒商标', PIRACY_COPYRIGHT: '盗版侵权', COUNTERFEIT_DRUG_OR_FOOD: '假药/假冒食品',
  SUBSTANDARD_AGRI_INPUT: '伪劣农资', PROHIBITED: '违禁品', PATENT: '专利侵权',
};

export const ACTION = {
  ASSIGN: '分派', NOTE: '备注', CONFIRM: '确认侵权', DISMISS: '排除', REFER: '移交', RECORD_PENALTY: '登记处罚', CLOSE: '结案',
};

export const SIGNAL = {
  TEXT_RULE: '文本规则', BRAND_MENTION: '品牌提及', PRICE_BELOW_BAND: '价格低于正品区间', PRICE_WITHIN_BAND: '价格在正品区间',
  IMPLAUSIBLE_CLAIM: '不实宣称', SELLER_HISTORY: '卖家前科', CATEGORY_PRIORITY: '重点品类', SEASONAL_WINDOW: '季节性重点',
  CROSS_BORDER: '跨境出口', SELLER_NETWORK: '关联卖家网络', COMPLAINTS: '投诉举报', COMPLAINT_SURGE: '投诉激增',
};

// The categories partners send most; others show as their code.
export const CATEGORY = {
  luxury_bags: '奢侈品箱包', footwear: '鞋类', apparel: '服装', software: '软件', books: '图书教材', liquor: '酒类',
  food: '食品', drugs: '药品', medical_devices: '医疗器械', cosmetics: '化妆品', baby_products: '母婴用品', toys: '玩具',
  auto_parts: '汽车配件', electronics: '电子产品', agri_seeds: '种子', agri_fertilizer: '化肥', agri_pesticide: '农药',
  disinfectants: '消毒产品', plants: '植物新品种', music: '音乐', video: '影视', games: '游戏',
};

export const FIELD = { title: '标题', description: '描述', shopName: '店铺名', price: '价格' };

export const STATUS_COLORS = {
  OPEN: '#c0392b', ASSIGNED: '#e08e0b', CONFIRMED: '#2e7d32', DISMISSED: '#8a96a3', REFERRED: '#1f5fa8', CLOSED: '#34495e',
};

// The workflow as alerts' TriageStateMachine allows it; the server still decides and answers 409
// with the allowed actions when this copy is out of date.
const NEXT = {
  OPEN: ['ASSIGN', 'CONFIRM', 'DISMISS', 'REFER', 'NOTE'],
  ASSIGNED: ['ASSIGN', 'CONFIRM', 'DISMISS', 'REFER', 'NOTE'],
  CONFIRMED: ['REFER', 'RECORD_PENALTY', 'CLOSE', 'NOTE'],
  REFERRED: ['RECORD_PENALTY', 'CLOSE', 'NOTE'],
  DISMISSED: ['CLOSE', 'NOTE'],
  CLOSED: [],
};

export function allowedActions(status) {
  return NEXT[status] || [];
}

export function label(table, code) {
  return (code && table[code]) || code || '—';
}
