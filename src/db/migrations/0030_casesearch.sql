CREATE TABLE "search_synonyms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "search_synonyms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"terms" text[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Starter dictionary (docs/search.md, "Synonyms"): terms drawn from the petition texts in the
-- training data; administrators edit it in the console (管理 → 检索同义词).
INSERT INTO "search_synonyms" ("terms", "note") VALUES
  (ARRAY['拆迁','征收','征地拆迁','房屋征收']::text[], '起步词典'),
  (ARRAY['征地','土地征收','征用土地']::text[], '起步词典'),
  (ARRAY['强拆','强制拆除','违法拆除']::text[], '起步词典'),
  (ARRAY['欠薪','拖欠工资','讨薪','欠发工资','工资拖欠']::text[], '起步词典'),
  (ARRAY['农民工','务工人员','外来务工']::text[], '起步词典'),
  (ARRAY['物业','物业服务','物业公司','物业管理']::text[], '起步词典'),
  (ARRAY['业委会','业主委员会']::text[], '起步词典'),
  (ARRAY['维修基金','维修资金','专项维修资金']::text[], '起步词典'),
  (ARRAY['噪音','噪声','扰民']::text[], '起步词典'),
  (ARRAY['违建','违章建筑','违法建设','违法建筑']::text[], '起步词典'),
  (ARRAY['低保','最低生活保障']::text[], '起步词典'),
  (ARRAY['社保','社会保险']::text[], '起步词典'),
  (ARRAY['养老金','退休金','养老保险金']::text[], '起步词典'),
  (ARRAY['医保','医疗保险','医保报销']::text[], '起步词典'),
  (ARRAY['公积金','住房公积金']::text[], '起步词典'),
  (ARRAY['房产证','不动产证','产权证','不动产权证书']::text[], '起步词典'),
  (ARRAY['烂尾','烂尾楼','停工楼盘']::text[], '起步词典'),
  (ARRAY['延期交房','逾期交房','延迟交房']::text[], '起步词典'),
  (ARRAY['开发商','房地产开发企业','房企']::text[], '起步词典'),
  (ARRAY['安置房','回迁房','拆迁安置房']::text[], '起步词典'),
  (ARRAY['学区','学区房']::text[], '起步词典'),
  (ARRAY['入学','上学','就学']::text[], '起步词典'),
  (ARRAY['退役军人','退伍军人','复员军人']::text[], '起步词典'),
  (ARRAY['出租车','出租汽车','的士']::text[], '起步词典'),
  (ARRAY['网约车','网络预约出租汽车']::text[], '起步词典'),
  (ARRAY['车位','停车位']::text[], '起步词典'),
  (ARRAY['油烟','餐饮油烟']::text[], '起步词典'),
  (ARRAY['污染','环境污染']::text[], '起步词典'),
  (ARRAY['黑臭','黑臭水体','河道发臭']::text[], '起步词典'),
  (ARRAY['燃气','天然气','煤气']::text[], '起步词典'),
  (ARRAY['停水','断水']::text[], '起步词典'),
  (ARRAY['停电','断电']::text[], '起步词典'),
  (ARRAY['占道','占道经营','马路市场']::text[], '起步词典'),
  (ARRAY['诈骗','骗取','欺诈']::text[], '起步词典'),
  (ARRAY['非法集资','集资诈骗','非法吸收公众存款']::text[], '起步词典'),
  (ARRAY['退费','退款','退钱']::text[], '起步词典');
--> statement-breakpoint
-- 案件查询 by number: a prefix of digits is a btree range on this index (a few pages), where the
-- trigram index (0005) read ~800 pages for a 17-digit number at 200,000 cases (digit trigrams are
-- few and common). docs/search.md, "Number lookup plan".
CREATE INDEX "cases_number_prefix_idx" ON "cases" ("case_number" text_pattern_ops);
