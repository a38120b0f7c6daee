"""The 绩效目标自评表 of the format samples: invented places and figures, one grid shared by every writer.

Each `Form` holds what a self-evaluation table states; `grid` lays it out as the standard 9-column table
(merged cells as colspan/rowspan), which make_formats.py writes as .docx, .xlsx, .html and .pdf. The gold
labels are written from the same figures (make_formats.py), so what the file shows and what the gold says
cannot drift apart. All sums, rates and scores below were worked out by hand and are consistent.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Money:
    label: str  # row label as printed: 年度资金总额 / 其中：中央财政资金 …
    source: str | None  # gold FundSource for a part row; None for the total row
    initial: str  # 年初预算数
    budget: str  # 全年预算数(A)
    executed: str  # 全年执行数(B)
    rate: str = ""
    weight: str = ""
    score: str = ""


@dataclass(frozen=True)
class Ind:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: str
    score: str
    reason: str = ""


@dataclass(frozen=True)
class Form:
    stem: str
    title: str  # the report's title line (simplified characters for the gold when the file is traditional)
    table_title: str
    fund: str
    department: str
    unit: str
    money: list[Money]
    indicators: list[Ind]
    total: str
    grade: str | None
    goal: str = "落实各项扶持政策，保障资金规范高效使用，稳定和扩大就业。"
    achieved: str = "各项政策全面落实，资金拨付及时，年度目标基本完成。"
    narrative: list[str] = field(default_factory=list)  # paragraphs before the table
    rate_before_weight: bool = True  # column order of the funding block varies between provinces


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


COLUMNS = 9


def grid(form: Form) -> list[list[Cell]]:
    """The table as rows of cells (HTML table model: a cell covered by a rowspan above is not listed)."""
    order = ("执行率", "分值", "得分") if form.rate_before_weight else ("分值", "执行率", "得分")
    rows: list[list[Cell]] = [
        [Cell(form.table_title, colspan=COLUMNS)],
        [Cell("项目名称", colspan=3), Cell(form.fund, colspan=6)],
        [Cell("主管部门", colspan=3), Cell(form.department, colspan=2), Cell("实施单位", colspan=2),
         Cell(form.unit, colspan=2)],
        [Cell("资金投入情况（万元）", colspan=3), Cell("年初预算数"), Cell("全年预算数(A)"), Cell("全年执行数(B)"),
         *(Cell(name) for name in order)],
    ]  # fmt: skip
    for line in form.money:
        values = {"执行率": line.rate, "分值": line.weight, "得分": line.score}
        rows.append([Cell(line.label, colspan=3), Cell(line.initial), Cell(line.budget), Cell(line.executed),
                     *(Cell(values[name]) for name in order)])  # fmt: skip
    rows.append([Cell("年度总体目标", rowspan=2), Cell("预期目标", colspan=4), Cell("实际完成情况", colspan=4)])
    rows.append([Cell(form.goal, colspan=4), Cell(form.achieved, colspan=4)])
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    rows.append([Cell("绩效指标", rowspan=len(form.indicators) + 1), *(Cell(name) for name in header)])
    for index, ind in enumerate(form.indicators):
        row: list[Cell] = []
        if index == 0 or form.indicators[index - 1].level1 != ind.level1:
            row.append(Cell(ind.level1, rowspan=sum(1 for i in form.indicators[index:] if i.level1 == ind.level1)))
        if index == 0 or (form.indicators[index - 1].level1, form.indicators[index - 1].level2) != (
            ind.level1,
            ind.level2,
        ):
            same = 0
            for later in form.indicators[index:]:
                if (later.level1, later.level2) != (ind.level1, ind.level2):
                    break
                same += 1
            row.append(Cell(ind.level2, rowspan=same))
        row += [Cell(ind.name), Cell(ind.target), Cell(ind.actual), Cell(ind.weight), Cell(ind.score),
                Cell(ind.reason)]  # fmt: skip
        rows.append(row)
    rows.append([Cell("总分", colspan=6), Cell("100"), Cell(form.total), Cell("")])
    if form.grade:
        rows.append([Cell("自评等级", colspan=6), Cell(form.grade, colspan=3)])
    return rows


def placed(rows: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """(row, column, cell) of every listed cell, columns found as a browser finds them."""
    taken: set[tuple[int, int]] = set()
    out: list[tuple[int, int, Cell]] = []
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            out.append((r, column, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, column + dc))
            column += cell.colspan
    return out


def _employment(stem: str, place: str, year: int, **kw: object) -> dict[str, object]:
    return {
        "stem": stem,
        "department": f"{place}人力资源和社会保障局",
        "unit": f"{place}就业服务中心",
        "fund": "就业补助资金",
        **kw,
    }


M, I = Money, Ind
FORMS: dict[str, Form] = {}


def _add(form: Form) -> None:
    FORMS[form.stem] = form


_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_docx_chengxi_2023", "澄溪县", 2023,
    title="澄溪县2023年度就业补助资金绩效自评报告",
    table_title="附件：澄溪县2023年度就业补助资金绩效自评表",
    money=[
        M("年度资金总额", None, "1200.00", "1250.00", "1198.75", "95.90%", "10", "9.59"),
        M("其中：中央财政资金", "central", "800.00", "800.00", "780.20"),
        M("省级财政资金", "provincial", "250.00", "300.00", "285.55"),
        M("县级财政资金", "county", "150.00", "150.00", "133.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "城镇新增就业人数", "≥2000人", "2136人", "10", "10"),
        I("产出指标", "数量指标", "职业技能培训人次", "≥1500人次", "1420人次", "10", "9.47",
          "部分培训班次因场地调整延至次年，下一步提前安排培训计划"),
        I("产出指标", "质量指标", "城镇调查失业率", "≤5.5%", "4.8%", "10", "10"),
        I("产出指标", "时效指标", "补贴资金发放及时率", "≥95%", "98.60%", "10", "10"),
        I("效益指标", "社会效益指标", "重点群体就业帮扶覆盖率", "≥90%", "93.20%", "20", "20"),
        I("效益指标", "可持续影响指标", "就业服务体系持续完善", "效果明显", "效果明显", "10", "10"),
        I("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95.30%", "20", "20"),
    ],
    total="99.06", grade="优",
    narrative=[
        "一、项目基本情况",
        "就业补助资金主要用于职业培训补贴、社会保险补贴、公益性岗位补贴、就业见习补贴和创业补贴等支出，"
        "由县人力资源和社会保障局会同县财政局管理。",
        "二、绩效目标完成情况",
        "全县各项就业扶持政策落实到位，重点群体就业保持稳定，职业技能培训人次略低于年度目标，详见附件自评表。",
        "三、存在的问题及改进措施",
        "部分培训项目开班时间偏晚，资金支出进度前松后紧。下一步将提前谋划培训计划，加快资金拨付进度。",
    ],
)))  # fmt: skip

_add(Form(
    stem="fmt_docx_luyuan_2022",
    title="鹿原县2022年度困难群众救助补助资金绩效自评表",
    table_title="鹿原县2022年度困难群众救助补助资金绩效自评表",
    fund="困难群众救助补助资金", department="鹿原县民政局", unit="鹿原县社会救助服务中心",
    money=[
        M("年度资金总额", None, "3400.00", "3456.80", "3390.12", "98.07%", "10", "9.81"),
        M("其中：中央财政资金", "central", "2600.00", "2600.00", "2580.40"),
        M("省级财政资金", "provincial", "500.00", "560.00", "540.32"),
        M("县级财政资金", "county", "300.00", "296.80", "269.40"),
    ],
    indicators=[
        I("产出指标", "数量指标", "城乡低保保障人数", "≥5200人", "5318人", "15", "15"),
        I("产出指标", "数量指标", "特困人员救助供养人数", "≥680人", "652人", "10", "9.59",
          "部分特困人员经复核调整为低保对象"),
        I("产出指标", "质量指标", "救助对象认定准确率", "100%", "100%", "10", "10"),
        I("产出指标", "时效指标", "救助资金按时发放率", "≥98%", "99.20%", "10", "10"),
        I("成本指标", "经济成本指标", "城市低保月人均补助标准", "≥620元/人/月", "650元/人/月", "5", "5"),
        I("效益指标", "社会效益指标", "困难群众基本生活保障水平", "有效保障", "有效保障", "20", "20"),
        I("满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "92.60%", "20", "20"),
    ],
    total="99.40", grade="优",
    goal="保障城乡困难群众基本生活，做到应保尽保、应救尽救。",
    achieved="困难群众基本生活得到有效保障，救助资金按时足额发放。",
    rate_before_weight=False,
))  # fmt: skip

_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_xlsx_liuting_2024", "柳汀县", 2024,
    title="柳汀县2024年度就业补助资金绩效目标自评表",
    table_title="柳汀县2024年度就业补助资金绩效目标自评表",
    money=[
        M("年度资金总额", None, "900.00", "960.00", "912.46", "95.05%", "10", "9.50"),
        M("其中：中央财政资金", "central", "600.00", "600.00", "600.00"),
        M("省级财政资金", "provincial", "200.00", "240.00", "218.66"),
        M("县级财政资金", "county", "100.00", "120.00", "93.80"),
    ],
    indicators=[
        I("产出指标", "数量指标", "城镇新增就业人数", "≥1200人", "1254人", "10", "10"),
        I("产出指标", "数量指标", "失业人员再就业人数", "≥300人", "312人", "10", "10"),
        I("产出指标", "数量指标", "就业困难人员就业人数", "≥120人", "98人", "10", "8.17",
          "部分就业困难人员年龄偏大，岗位匹配难度大；下一步加强公益性岗位开发"),
        I("产出指标", "质量指标", "创业担保贷款回收率", "≥95%", "97.20%", "10", "10"),
        I("产出指标", "时效指标", "资金拨付及时率", "≥95%", "100%", "10", "10"),
        I("效益指标", "社会效益指标", "零就业家庭动态清零", "=100%", "100%", "20", "20"),
        I("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "94%", "20", "20"),
    ],
    total="97.67", grade="优",
)))  # fmt: skip

_add(Form(
    stem="fmt_xlsx_lanchuan_2021",
    title="岚川市2021年度农业生产发展资金绩效自评表",
    table_title="岚川市2021年度农业生产发展资金绩效自评表",
    fund="农业生产发展资金", department="岚川市农业农村局", unit="岚川市农业技术推广中心",
    money=[
        M("年度资金总额", None, "12,000.00", "12,680.00", "12,105.36", "95.47%", "10", "9.55"),
        M("其中：中央财政资金", "central", "9,500.00", "9,800.00", "9,512.26"),
        M("省级财政资金", "provincial", "1,800.00", "2,100.00", "1,933.10"),
        M("市级财政资金", "prefectural", "700.00", "780.00", "660.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "耕地地力保护补贴发放户数", "≥32000户", "32640户", "15", "15"),
        I("产出指标", "数量指标", "农机购置补贴机具数量", "≥1800台", "1652台", "10", "9.18",
          "受市场价格影响部分农户推迟购机"),
        I("产出指标", "质量指标", "补贴资金兑付准确率", "100%", "100%", "10", "10"),
        I("产出指标", "时效指标", "补贴资金兑付时间", "12月底前", "12月底前", "5", "5"),
        I("效益指标", "经济效益指标", "主要农作物耕种收综合机械化率", "≥88%", "89.50%", "15", "15"),
        I("效益指标", "可持续影响指标", "耕地质量等级", "稳中有升", "稳中有升", "15", "15"),
        I("满意度指标", "服务对象满意度指标", "种植户满意度", "≥90%", "93%", "20", "20"),
    ],
    total="98.73", grade="优",
    goal="落实耕地地力保护和农机购置补贴政策，提升农业综合生产能力。",
    achieved="补贴资金兑付到户，主要农作物机械化水平稳步提高。",
))  # fmt: skip

_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_html_qinghe_2023", "青禾县", 2023,
    title="青禾县2023年度就业补助资金绩效自评报告",
    table_title="青禾县2023年度就业补助资金绩效自评表",
    money=[
        M("年度资金总额", None, "2400.00", "2468.30", "2301.75", "93.25%", "10", "9.33"),
        M("其中：中央财政资金", "central", "1500.00", "1500.00", "1450.00"),
        M("省级财政资金", "provincial", "560.00", "600.30", "551.75"),
        M("县级财政资金", "county", "340.00", "368.00", "300.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "城镇新增就业人数", "≥800人", "812人", "10", "10"),
        I("产出指标", "数量指标", "高校毕业生就业见习人数", "≥150人", "136人", "10", "9.07",
          "见习岗位开发不足，部分见习人员提前就业"),
        I("产出指标", "质量指标", "职业培训合格率", "≥90%", "92.40%", "10", "10"),
        I("产出指标", "时效指标", "补贴发放及时率", "≥95%", "97%", "10", "10"),
        I("效益指标", "社会效益指标", "城镇登记失业率", "≤4%", "3.60%", "20", "20"),
        I("满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "96.10%", "30", "30"),
    ],
    total="98.40", grade="优",
    narrative=[
        "一、基本情况",
        "青禾县就业补助资金由县人力资源和社会保障局负责实施，主要用于职业培训补贴、社会保险补贴和公益性岗位补贴。",
        "二、自评结论",
        "经自评，就业补助资金绩效目标总体完成，自评等级为优，各项指标完成情况见下表。",
    ],
    rate_before_weight=False,
)))  # fmt: skip

_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_html_yunxiu_2022", "雲岫縣", 2022,
    title="云岫县2022年度就业补助资金绩效自评报告",
    table_title="雲岫縣2022年度就業補助資金績效自評表",
    money=[
        M("年度資金總額", None, "1800.00", "1835.60", "1702.48", "92.75%", "10", "9.27"),
        M("其中：中央財政資金", "central", "1200.00", "1200.00", "1150.00"),
        M("省級財政資金", "provincial", "380.00", "400.00", "352.48"),
        M("縣級財政資金", "county", "220.00", "235.60", "200.00"),
    ],
    indicators=[
        I("產出指標", "數量指標", "城鎮新增就業人數", "≥600人", "645人", "15", "15"),
        I("產出指標", "數量指標", "職業技能培訓人數", "≥900人", "860人", "15", "14.33", "部分培訓項目因故延期"),
        I("產出指標", "時效指標", "資金撥付及時率", "≥95%", "96.50%", "15", "15"),
        I("效益指標", "社會效益指標", "就業困難人員幫扶率", "≥95%", "98%", "25", "25"),
        I("滿意度指標", "服務對象滿意度指標", "服務對象滿意度", "≥85%", "91.20%", "20", "20"),
    ],
    total="98.60", grade="優",
    goal="落實各項就業扶持政策，穩定和擴大就業。",
    achieved="各項政策全面落實，就業局勢總體穩定。",
    narrative=[
        "一、項目基本情況",
        "雲岫縣就業補助資金由縣人力資源和社會保障局組織實施，資金按規定用途使用。",
        "二、自評結論",
        "經自評，就業補助資金績效目標基本完成，自評等級為優。",
    ],
)))  # fmt: skip

_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_pdf_weitang_2024", "苇塘县", 2024,
    title="苇塘县2024年度就业补助资金绩效自评报告",
    table_title="苇塘县2024年度就业补助资金绩效自评表",
    money=[
        M("年度资金总额", None, "600.00", "640.00", "618.24", "96.60%", "10", "9.66"),
        M("其中：中央财政资金", "central", "420.00", "420.00", "420.00"),
        M("省级财政资金", "provincial", "120.00", "150.00", "138.24"),
        M("县级财政资金", "county", "60.00", "70.00", "60.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "公益性岗位安置人数", "≥85人", "88人", "15", "15"),
        I("产出指标", "数量指标", "创业担保贷款发放额", "≥1200万元", "1350万元", "10", "10"),
        I("产出指标", "质量指标", "创业担保贷款回收率", "≥95%", "97.20%", "15", "15"),
        I("效益指标", "社会效益指标", "带动就业人数", "≥300人", "276人", "20", "18.40",
          "受经营环境影响，部分创业主体带动就业能力下降"),
        I("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "30", "30"),
    ],
    total="98.06", grade="优",
    narrative=[
        "一、项目概况",
        "苇塘县就业补助资金用于公益性岗位补贴、创业担保贷款贴息和职业培训补贴，由县就业服务中心具体实施。",
        "二、绩效自评情况",
        "本年度资金使用规范，创业担保贷款带动就业人数未达目标，其余指标均已完成，详见下表。",
    ],
)))  # fmt: skip

_add(Form(
    stem="fmt_pdf_shanyu_2020",
    title="杉屿县2020年度城乡义务教育补助经费绩效自评表",
    table_title="杉屿县2020年度城乡义务教育补助经费绩效自评表",
    fund="城乡义务教育补助经费", department="杉屿县教育局", unit="杉屿县教育局计划财务股",
    money=[
        M("年度资金总额", None, "5100.00", "5210.00", "5198.60", "99.78%", "10", "9.98"),
        M("其中：中央财政资金", "central", "3600.00", "3600.00", "3600.00"),
        M("省级财政资金", "provincial", "1000.00", "1100.00", "1098.60"),
        M("县级财政资金", "county", "500.00", "510.00", "500.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "享受生活补助寄宿生人数", "≥2300人", "2356人", "15", "15"),
        I("产出指标", "数量指标", "免费教科书发放册数", "≥45000册", "46200册", "10", "10"),
        I("产出指标", "质量指标", "公用经费保障标准达标率", "100%", "100%", "15", "15"),
        I("产出指标", "时效指标", "资金下达及时率", "100%", "100%", "10", "10"),
        I("效益指标", "社会效益指标", "义务教育巩固率", "≥98%", "98.60%", "20", "20"),
        I("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%", "88.50%", "20", "19.67",
          "部分家长对营养餐品种不满意；下一步优化食谱"),
    ],
    total="99.65", grade="优",
    goal="保障城乡义务教育学校正常运转，落实寄宿生生活补助和免费教科书政策。",
    achieved="学校公用经费足额保障，寄宿生生活补助和免费教科书按时发放。",
    rate_before_weight=False,
))  # fmt: skip

_add(Form(**_employment(  # type: ignore[arg-type]
    "fmt_xls_dipu_2019", "荻浦县", 2019,
    title="荻浦县2019年度就业补助资金绩效自评表",
    table_title="荻浦县2019年度就业补助资金绩效自评表",
    money=[
        M("年度资金总额", None, "450.00", "480.00", "466.56", "97.20%", "10", "9.72"),
        M("其中：中央财政资金", "central", "280.00", "300.00", "300.00"),
        M("省级财政资金", "provincial", "110.00", "120.00", "116.56"),
        M("县级财政资金", "county", "60.00", "60.00", "50.00"),
    ],
    indicators=[
        I("产出指标", "数量指标", "城镇新增就业人数", "≥500人", "526人", "30", "30"),
        I("产出指标", "质量指标", "补贴资金发放准确率", "100%", "100%", "20", "20"),
        I("效益指标", "社会效益指标", "城镇登记失业率", "≤4.5%", "3.9%", "20", "20"),
        I("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "86%", "20", "19.11",
          "部分服务对象反映补贴申领材料较多；下一步精简申领流程"),
    ],
    total="98.83", grade=None,
)))  # fmt: skip
