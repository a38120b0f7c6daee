"""Title, region, fund and year: read from the report's own lines and form fields, never from site chrome."""

from __future__ import annotations

import pytest

from jixiao.extract.rules.cut_end import ends_mid_sentence
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.places import leading_places
from reading import header_of


def test_title_over_two_lines_gives_place_fund_and_year() -> None:
    header = header_of("\n内蒙古自治区呼伦贝尔扎兰屯市就业补助资金\n\n2025年度绩效自评报告\n\n扎兰屯市2025年度……\n")
    assert header.title == "内蒙古自治区呼伦贝尔扎兰屯市就业补助资金2025年度绩效自评报告"
    assert (header.region, header.fund, header.year) == ("扎兰屯市", "就业补助资金", 2025)


@pytest.mark.parametrize(
    ("title", "region", "fund"),
    [
        ("关于2023年度农村综合改革转移支付资金绩效自评情况的报告", None, "农村综合改革转移支付资金"),
        ("四川省某某县财政局2022年度城乡义务教育补助经费项目支出绩效自评报告", "某某县", "城乡义务教育补助经费"),
        (
            "湘潭市雨湖区2021年中央财政衔接推进乡村振兴补助资金绩效自评报告",
            "雨湖区",
            "中央财政衔接推进乡村振兴补助资金",
        ),
        ("杭州市西湖区就业补助资金2024年度绩效自评报告", "西湖区", "就业补助资金"),
        ("林湾镇2022年就业补助资金绩效自评报告", "林湾镇", "就业补助资金"),
        # a unit before the year, and the words that only say it is a project's spending
        ("青川市柳岸区水利局2022年灌区改造资金项目绩效自评报告", "柳岸区", "灌区改造资金"),
        ("岚县2023年耕地保护补贴项目支出绩效自评报告", "岚县", "耕地保护补贴"),
        ("2020年桐江市渔港码头建设项目专项资金绩效自评价报告", "桐江市", "渔港码头建设项目"),
        ("松原县2021年度农村危房改造转移支付绩效自评报告", "松原县", "农村危房改造转移支付"),
        ("2022年度中央财政草原保护资金转移支付绩效自评报告", None, "中央财政草原保护资金"),
        (
            "白鹭州残疾人康复补助资金(省对下转移支付)项目2019年度绩效自评报告",
            "白鹭州",
            "残疾人康复补助资金(省对下转移支付)",
        ),
        # a subject that names no fund of its own gives none
        ("鹤溪县交通局2021年度项目支出绩效自评报告", "鹤溪县", None),
        ("支出绩效自评的报告", None, None),  # the second line of a wrapped title
        ("上级转移支付资金使用情况报告", None, None),  # who gave the money, not which fund
        # the announcing sentence's 现将, a fee's 项目
        ("现将中央某某文化保护专项资金转移支付2021年度绩效自评报告", None, "中央某某文化保护专项资金"),
        ("关于上报2023年伤残人员护理费项目支出绩效自评的报告", None, "伤残人员护理费"),
        ("北江省财政支出项目绩效评价自评报告书", "北江省", None),
        ("2023年度部门整体支出绩效评价自评表", None, "部门整体支出"),
        ("部门整体绩效自评表", None, "部门整体支出"),
    ],
)
def test_place_and_fund_of_a_title(title: str, region: str | None, fund: str | None) -> None:
    header = header_of(title + "\n我县严格按照规定使用资金，全年执行率为95%。\n")
    assert header.title == title
    assert (header.region, header.fund) == (region, fund)


def test_a_report_without_a_title_line_names_itself_in_its_opening_sentence() -> None:
    header = header_of(
        "为做好2023年项目绩效管理工作，根据有关文件要求，现将2023年青禾县水利局农田水利建设资金项目"
        "绩效自评报告如下：\n一、绩效目标分解下达情况\n"
    )
    assert (header.region, header.fund, header.year) == ("青禾县", "农田水利建设资金", 2023)


def test_subject_words_that_look_like_places_are_not_places() -> None:
    assert leading_places("锡林盟城乡居民养老保险补助资金") == ["锡林盟"]
    assert leading_places("北江省住房和城乡建设厅关于") == ["北江省"]
    assert leading_places("金岭县茶园和美丽乡村建设中心") == ["金岭县"]
    assert leading_places("岩和县2023年") == ["岩和县"]
    assert leading_places("市级就业资金") == []
    assert leading_places("219001-青州市白沙区柳镇人民政府") == ["青州市", "白沙区", "柳镇"]


def test_the_implementing_unit_names_the_region() -> None:
    header = header_of(
        "项目支出绩效自评表\n（2023年度）\n"
        "项目名称 | 柳湾村特色种植补贴到户项目 | 项目负责人及电话 | 张三 |\n"
        "主管部门 | 县农业农村局 | 实施单位 | 柳湾镇人民政府 |\n"
    )
    assert (header.region, header.fund, header.year) == ("柳湾镇", "柳湾村特色种植补贴到户项目", 2023)


def test_the_implementing_unit_wins_over_the_title_and_the_administering_office() -> None:
    header = header_of(
        "青禾县项目支出绩效自评表 (2021年度) 项目名称 国家基本公共卫生服务 主管部门 青禾县卫生健康局 "
        "实施单位 青禾县白石镇卫生院 项目资金 (万元) 年初预算数\n"
    )
    assert (header.region, header.fund, header.year) == ("白石镇", "国家基本公共卫生服务", 2021)


def test_fields_a_cell_per_line_and_glued() -> None:
    per_line = header_of(
        "(临时救助)绩效目标自评表\n绩效目标自评表 (2020年度) |\n项目名称 |\n临时救助 |\n|\n"
        "主管部门 |\n[155]鹤溪县民政局 |\n"
    )
    assert (per_line.region, per_line.fund, per_line.year) == ("鹤溪县", "临时救助", 2020)
    glued = header_of("1、岚川市本级部门项目支出绩效自评表(2021年)项目名称初中公用经费主管部门岚川市教育局自评得分98\n")
    assert (glued.region, glued.fund, glued.year) == ("岚川市", "初中公用经费", 2021)
    columns = header_of("二、资金到位情况\n项目名称\n        | 中央、省、市(州)、县级财政资金\n        | 资金计划\n")
    assert columns.fund is None  # a funding table's column header, not a project's name


def test_several_projects_name_no_single_fund() -> None:
    header = header_of(
        "项目支出绩效自评表(2020年度)项目名称舞台灯光更新专项经费主管部门新川区剧团实施单位新川区文化局\n"
        "项目名称青年演员培训经费主管部门新川区剧团实施单位新川区文化局\n"
    )
    assert (header.region, header.fund) == ("新川区", None)


def test_a_post_title_gives_way_to_the_documents_own_title() -> None:
    header = header_of(
        "白岭市数字城管中心2018整体支出绩效自评报告及评分表(含巡查专项)\n"
        "白岭市2018年度部门整体支出\n绩效评价自评报告\n部门(单位)名称:  白岭市城市管理监督指挥中心\n"
    )
    assert header.title == "白岭市2018年度部门整体支出绩效评价自评报告"
    assert (header.region, header.fund, header.year) == ("白岭市", "部门整体支出", 2018)


def test_a_bracketed_fund_after_a_title_that_names_only_its_unit() -> None:
    header = header_of("青禾县第二小学2023年度项目支出绩效自评报告\n(教育专项工作经费)\n一、自评结论\n")
    assert (header.region, header.fund) == ("青禾县", "教育专项工作经费")
    after = header_of("白江区残联2023年度中央转移支付绩效自评报告(残疾人事业发展补助资金)\n一、绩效目标\n")
    assert (after.region, after.fund) == ("白江区", "残疾人事业发展补助资金")


def test_site_chrome_never_gives_a_region_or_a_title() -> None:
    header = header_of(
        "适老化专区 无障碍浏览 注册 登录\n"
        "2021年度高校毕业生“三支一扶”计划补助资金绩效目标自评报告\n"
        "• 发布时间:2022-06-14 09:30:00• 来源:厅规划财务处\n"
        "2021年本省高校毕业生“三支一扶”计划补助资金合计7,260万元。\n"
    )
    assert header.title == "2021年度高校毕业生“三支一扶”计划补助资金绩效目标自评报告"
    assert (header.region, header.fund, header.year) == (None, "高校毕业生“三支一扶”计划补助资金", 2021)


def test_the_place_before_the_funds_name_in_the_body() -> None:
    header = header_of(
        "2021年妇女儿童健康提升民生工程\n绩效自评报告\n一、目标任务\n2021年青州市妇女儿童健康提升民生工程年度目标任务……\n"
    )
    assert (header.region, header.fund) == ("青州市", "妇女儿童健康提升民生工程")


def test_the_publishing_unit_when_nothing_else_names_a_place() -> None:
    header = header_of(
        "2021年林业局部门整体支出绩效自评表\n2022-04-07 15:25来源: 松陵区林业局 发布机构: 松陵区林业局\n"
        "部门整体支出绩效自评表\n2021年度)\n"
    )
    assert (header.region, header.fund, header.year) == ("松陵区", "部门整体支出", 2021)
    header = header_of(
        "索引号 | 0000-2021-01 | 发布机构 | 青岭县林业和草原局 |\n公开目录 | 财政预决算 |\n"
        "(某木材检查站租金项目)\n一、项目基本情况\n本站位于山区，林地面积较大。\n"
    )
    assert header.region == "青岭县"  # a metadata table's cell after its label
    header = header_of(
        "索引号: | 0000-2022-07 | 发文字号: | 无 |\n发文单位: | 青岭市行政审批局 | 发布日期: | 2022年10月17日 |\n"
        "项目支出绩效自评表 |\n( 2021 年度) |\n项目名称 |\n政务大厅运行维护费 |\n主管部门 |\n|\n"
    )
    assert header.region == "青岭市"  # a colon and a cell bar after the label, 发文单位 for 发布机构


def test_year_from_the_form_field_and_none_for_a_span_of_years() -> None:
    field = header_of(
        "附件3\n项目支出绩效自评报告\n项目名称:鹤溪县白水库除险加固工程\n评价年度:2022\n填报日期:2023年4月25日\n"
    )
    assert (field.region, field.fund, field.year) == ("鹤溪县", "白水库除险加固工程", 2022)
    span = header_of("北江省住房和城乡建设厅关于2018-2020年城镇保障性安居工程资金绩效自评报告\n一、项目概况\n")
    assert (span.region, span.fund, span.year) == ("北江省", "城镇保障性安居工程资金", None)


def test_dates_in_the_body_are_not_the_fiscal_year() -> None:
    header = header_of(
        "老年人助餐服务点项目\n绩效自评报告\n按施工规范要求，确保项目2020年9月底完成。\n"
        "市财政从2018年起连续三年安排资金。\n2020年7月16日\n"
    )
    assert (header.fund, header.year) == ("老年人助餐服务点项目", None)


@pytest.mark.parametrize(
    "ending",
    [
        "（二）资金管理情况。财政项目资金在2023年",  # mid-sentence, no comma
        "5、满意度指",  # inside a heading
        "（一）資金",  # a heading with nothing under it
        "2、质量指标。符合条件的城乡居民按月领取",
        "成本指标 | 指标1:",  # a cell cut after its label
        "| 澄溪县颐年护理院(2024年2月在县民政局备案3月纳入补贴)、澄溪县松鹤",  # `备案` inside a cut cell
        "补助材料报县农业农村局备案。请各乡镇紧紧围绕春耕生产、",  # closing words in an earlier sentence
    ],
)
def test_an_excerpt_that_stops_inside_a_sentence_is_truncated(ending: str) -> None:
    assert ends_mid_sentence("一、基本情况\n我县全年执行率为95%。\n" + ending + "\n")


@pytest.mark.parametrize(
    "ending",
    [
        "加强资金监管，提高资金使用效益。",
        "扎兰屯市就业服务中心\n2026年3月9日",
        "青禾县人力资源和社会保障局",
        "附件：某市就业补助资金绩效目标自评表",
        "自评等级：良",
        "自评结论为“优秀”",
        "填报单位（盖章）：澄溪县就业服务中心",
        "主办：鹤汀县人民政府办公室　技术支持：县信息中心",
        "无",
        "特此报告",
        "总分 | 100 | 98.83 |",
        "总分 100 96",  # a flattened table's complete last row
        "满意度指标 服务对象满意度 95% 97% 10 总分",  # the total row's label after the cells
        "网站标识码 3300000001 备案号：浙ICP备12345678号",
        "浙公网安备 33010002000001号",
        "资金使用规范，综合评价结果为：良。",
    ],
)
def test_a_report_that_closes_is_not_truncated(ending: str) -> None:
    assert not ends_mid_sentence("一、基本情况\n我县全年执行率为95%。\n" + ending + "\n")


def test_the_forms_name_field_wins_over_a_title_that_wraps_it_in_its_unit_and_template_words() -> None:
    header = header_of(
        "青川县妇幼保健院孕产妇健康服务补助转移支付区域(项目)绩效目标自评表\n(2022年度)\n"
        "转移(项目)名称 孕产妇健康服务补助\n"
    )
    assert (header.region, header.fund) == ("青川县", "孕产妇健康服务补助")


def test_a_colon_field_value_ends_before_the_next_label_with_its_colon() -> None:
    from jixiao.extract.rules.form_fields import FieldKind, form_fields, values_of

    line = "一、基本情况 项目名称: 困难群众取暖补贴 是否为专项资金: 实施(主管)单位 101-某县民政局 金额单位: 万元"
    assert values_of(form_fields(line), FieldKind.NAME) == ["困难群众取暖补贴"]


def test_an_allowance_named_jintie_is_a_fund() -> None:
    from jixiao.extract.rules.fund_names import subject_of

    assert subject_of("80岁以上老人高龄津贴") == "80岁以上老人高龄津贴"


def test_a_sites_bullet_list_of_categories_holds_no_title() -> None:
    """A government site lists its page's metadata as bullets (`• 公开目录`, `• 自评报告`): the title is the
    document's own line below them."""
    bullets = "".join(f"  • {item}\n" for item in ("公开目录", "自评报告", "发布日期", "2022-06-30", "文号", "主题词"))
    header = read_header(bullets + "某某县2022年度农田建设补助资金绩效自评报告\n一、基本情况\n")
    assert (header.title, header.year) == ("某某县2022年度农田建设补助资金绩效自评报告", 2022)


def test_a_hospital_campus_named_in_a_fund_is_no_district() -> None:
    from jixiao.extract.rules.fund_names import subject_of

    assert subject_of("南湖院区改扩建补助") == "南湖院区改扩建补助"


def test_a_name_field_names_the_project_with_or_without_a_money_word() -> None:
    header = header_of("2021年度县级专项资金绩效目标自评表专项资金名称县级储备油负责人及电话王某主管部门某县商务局\n")
    assert header.fund == "县级储备油"
    unit = header_of("2021年度县级专项资金绩效目标自评表\n项目名称 | 某县粮食储备管理中心 |\n")
    assert unit.fund is None  # a unit's name in the field is no project


def test_a_glued_name_field_ends_at_the_project_unit_label() -> None:
    header = header_of("财政支出项目绩效评价自评报告\n项目名称 乡村文化站运行保障经费项目单位某县文旅局主管部门某县\n")
    assert header.fund == "乡村文化站运行保障经费"


def test_the_bracketed_fund_may_follow_either_copy_of_a_restated_title() -> None:
    header = header_of(
        "某市某区某镇2022年度部门预算项目支出绩效自评报告 (2022年城乡困难群众临时救助金)\n"
        "来源:某镇人民政府 发布时间:2023-05-10\n"
        "某市某区某镇2022年度部门预算项目支出绩效自评报告\n"
    )
    assert header.fund == "城乡困难群众临时救助金"


def test_a_head_line_about_a_quoted_fund_names_it() -> None:
    header = header_of("首页 > 通知公告\n某县残联关于“2021年中央财政残疾人事业发展补助资金”管理使用情况\n一、概况\n")
    assert header.fund == "中央财政残疾人事业发展补助资金"


def test_a_bracketed_line_under_page_metadata_names_the_fund_of_a_report_without_a_title() -> None:
    header = header_of(
        "发布机构 | 某县林业局 |\n发布日期 | 2021-06-01 |\n(某林场管护站房屋租金项目)\n一、项目基本情况\n"
    )
    assert header.fund == "某林场管护站房屋租金"


def test_a_unit_in_brackets_after_the_title_is_no_fund() -> None:
    assert header_of("2021年度专项资金绩效自评报告 (某县农村经营管理服务站)\n一、基本情况\n").fund is None


def test_an_admin_label_wrapped_inside_its_cell_still_names_the_region() -> None:
    header = header_of("就业补助资金绩效目标自评表 (2022年度)\n资金投入 (万元) 地方主管部 门 某某市东河区财政局 说明\n")
    assert header.region == "东河区"


def test_the_opening_sentence_names_the_fund_evaluated_when_no_title_does() -> None:
    opening = "某某街道对2024年中央农村综合性改革转移支付资金绩效目标实施情况开展自评，现将自评情况报告如下：\n"
    assert header_of(opening).fund == "中央农村综合性改革转移支付资金"
    several = "我局对2023年市级专项资金和预算项目资金开展了绩效自评，现将情况报告如下：\n"
    assert header_of(several).fund is None  # several funds: none is the report's


def test_a_sharing_page_that_prints_no_title_takes_it_from_the_file_name_line() -> None:
    header = header_of(
        "青川省省级非遗保护专项资金2022年度绩效自评报告.docx《青川省省级非遗保护专项资金2022年度绩效自评报告.docx》"
        "由会员分享,可在线阅读\n1、青川省省级非遗保护专项资金2022年度绩效自评报青川省文化厅二O二三年三月序号单位名称\n"
    )
    assert (header.title, header.region, header.fund, header.year) == (
        "青川省省级非遗保护专项资金2022年度绩效自评报告",
        "青川省",
        "省级非遗保护专项资金",
        2022,
    )


def test_a_file_name_that_is_no_report_title_names_nothing() -> None:
    header = header_of("附件3 项目资金明细.docx《附件3 项目资金明细.docx》\n按照要求,我站对专项资金开展了自评。\n")
    assert header.title is None


def test_a_file_name_printed_once_is_a_download_link_not_the_title() -> None:
    header = header_of("青川省省级非遗保护专项资金2022年度绩效自评报告.pdf\n项目名称 非遗传承人补助 自评总分: 90\n")
    assert header.title is None


@pytest.mark.parametrize(
    "title",
    [
        "转移支付区域(项目)绩效目标自评表 (2022)",
        "中央对地方转移支付项目绩效目标自评表",
        "中央支持地方发展项目绩效目标自评表",
    ],
)
def test_a_title_that_is_the_transfer_forms_own_name_gives_way_to_its_name_field(title: str) -> None:
    header = header_of(
        f"{title}\n\n转移支付(项目)名称\n\n2023年第二批中央水污染防治资金\n\n实施单位\n\n某市生态环境局\n"
    )
    assert header.fund == "中央水污染防治资金"  # the year and the batch are no part of the fund


def test_a_converters_synonym_for_project_names_no_fund() -> None:
    """A sharing site's converter spins 项目 into 工程: `工程支出绩效评价自评报告` names no fund; the bracket does."""
    header = header_of("2022年工程支出绩效评价自评报告(2022年县级非遗保护传承补助资金)\n一、工程概况\n")
    assert header.fund == "县级非遗保护传承补助资金"


def test_a_form_filled_in_by_its_unit_names_the_region_and_its_project_ends_at_the_next_label() -> None:
    header = header_of(
        "2022年项目绩效自评报告表_第1页\n2022年项目绩效自评报告表(实施单位用)填报单位:青禾市疾病预防控制中心"
        "填报日期:2023年3月1日基本情况项目名称慢性病综合防控项目主要内容开展慢性病筛查和随访,降低慢性病发病率。\n"
    )
    assert (header.region, header.fund) == ("青禾市", "慢性病综合防控")


def test_a_narratives_implementing_body_field_ends_at_its_full_stop_and_names_the_region() -> None:
    header = header_of(
        "(一)项目基本情况\n(1)项目名称:基本公共卫生服务。\n实施主体:青禾县卫生健康委员会。\n(2)项目立项依据:按照省里要求开展。\n"
    )
    assert header.region == "青禾县"


def test_the_transfer_templates_first_heading_names_the_fund_of_a_report_without_a_title() -> None:
    header = header_of(
        "一、绩效目标分解下达情况\n(一)下达乡村公路养护转移支付预算和绩效目标情况。\n"
        "2024年共下达补助资金80万元。\n2、资金执行情况。2024年全县共完成发放补助资金60万元。\n"
        "我局制定了《青石县乡村公路养护专项资金管理办法》。\n"
    )
    # the heading names the fund (not `全县共完成发放补助`, a clause), and the county's own rules the place
    assert (header.fund, header.region) == ("乡村公路养护转移支付", "青石县")


def test_the_centre_giving_money_to_an_autonomous_region_names_the_region() -> None:
    header = header_of(
        "一、绩效目标分解下达情况\n(一)中央下达宁夏土壤污染防治资金预算和区域绩效目标情况\n"
        "2023年收到通知,下达宁夏土壤污染防治资金共5000万元。\n"
    )
    assert (header.fund, header.region) == ("土壤污染防治资金", "宁夏")
    provincial = header_of(  # a province giving its own fund names no region of the report
        "一、绩效目标分解下达情况某省文化厅下达2022年青川省文化专项资金20万元。\n"
    )
    assert provincial.region is None


def test_a_year_and_a_masked_name_before_the_funds_name_in_the_body() -> None:
    header = header_of(
        "一、基本情况\n二、综合评价结论\n下达青州市2021年民间艺术保护资金用于补助。2021年我市民间艺术保护资金下达30万元。\n"
    )
    assert (header.fund, header.region) == ("民间艺术保护资金", "青州市")
    masked = header_of("一、基本情况\n下达**河县2023年民间艺术保护资金30万元。\n")
    assert masked.region is None  # `**河县`: a name masked by the site, not 河县


def test_a_units_whole_spending_is_the_department_whole_whatever_the_units_name() -> None:
    header = header_of("2023年度青川县残疾人联合会部门(单位)整体支出绩效自评报告\n一、部门基本情况\n")
    assert (header.region, header.fund) == ("青川县", "部门整体支出")


def test_lines_of_bars_alone_are_no_lines_of_the_head() -> None:
    """A page's view counter closed by a dump's empty cells, one per line (`|`), pushes nothing down: the
    title two lines on still names the fund, as with the bars on one line."""
    page = (
        "某县林业服务中心2020绩效评价自评报告及评分表(整体支出和护林员补助专项支出)\n来源:办公室   2021-05-10 09:12\n"
        "浏览量:3 {}\n\n某县2020年度部门整体支出\n\n绩效评价自评报告\n\n一、部门基本情况\n本中心负责全县林地巡护。\n"
    )
    for bars in ("| | | |", "|\n|\n|\n|"):
        header = read_header(page.format(bars))
        assert (header.title, header.fund) == ("某县2020年度部门整体支出绩效评价自评报告", "部门整体支出")


def test_a_title_field_squashed_with_the_sites_other_fields_ends_at_the_next_label() -> None:
    page = (
        "标题:某县农牧民医疗救助资金2021年度绩效自评报告 索引号:12150-3/2022-00031 发文字号: "
        "发文机构:某县医疗保障局 信息分类: 概述:某县农牧民医疗救助资金2021年度绩效自评报告\n"
        "一、绩效目标分解下达情况\n本年度到位资金820万元。\n"
    )
    header = read_header(page)
    assert (header.title, header.fund) == ("某县农牧民医疗救助资金2021年度绩效自评报告", "农牧民医疗救助资金")
