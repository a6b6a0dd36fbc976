// Generated from the Rust types by `typescript_bindings()` in src-tauri/src/ipc.rs.
// Do not edit: run `UPDATE_BINDINGS=1 cargo test -p mutual-plan-app bindings` to regenerate.

export type AmountToReplace = { start: number, end: number, 
/**
 * As typed: "−£34,857".
 */
text: string, 
/**
 * The figures worth this amount in the plan as saved; empty when none was, or there is no
 * saved plan to ask.
 */
suggestions: Array<FigureChoice>, };

export type AnalysisView = { figures: Array<Figure>, 
/**
 * Why there are no figures, when the forecast cannot be computed.
 */
forecast_error: string | null, findings: Array<Finding>, readiness: Assessment, 
/**
 * The readiness headline in words.
 */
headline: string, 
/**
 * The words of ratings, results and severities, and the eligibility heading.
 */
words: AnalysisWords, 
/**
 * What the Overview shows: each part's progress, the key figures, score and findings.
 */
overview: Overview, 
/**
 * The ownership figures: votes and equity by group, the board, the tier in words.
 */
ownership: OwnershipView, 
/**
 * Every figure a live figure may name, with its current value: what "Insert figure" lists.
 */
live_figures: Array<FigureChoice>, 
/**
 * Each narrative section's text as shown: typed text, and each live figure with its value.
 */
narrative: Array<SectionPieces>, };

export type AnalysisWords = { eligibility_heading: string, ratings: RatingWords, eligibility_results: EligibleWords, 
/**
 * The heading of a group of findings: "Warnings".
 */
findings_headings: SeverityWords, 
/**
 * The word beside one finding: "Warning".
 */
severities: SeverityWords, };

export type AreaId = "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10";

export type AreaResult = { id: AreaId, title: string, rating: Rating, score: number, 
/**
 * The figure judged, in words.
 */
figure: string, 
/**
 * What would make it green; `None` when it is green.
 */
advice: string | null, source: string, };

export type Assessment = { criteria: CriteriaName, eligibility: Array<EligibilityResult>, areas: Array<AreaResult>, score: number, max_score: number, headline: Headline, };

export type Band = { up_to: Money | null, percent: Percent, };

export type BandListInfo = { 
/**
 * The setting's key: `income_tax_bands`.
 */
key: string, 
/**
 * Its label: "Income tax bands (England, Wales and Northern Ireland)".
 */
label: string, 
/**
 * What a row's amount is and how its percentage applies.
 */
applies: string, 
/**
 * The tax year of the defaults and their source, with anything not confirmed.
 */
source: string, };

export type BoardRole = "chair" | "executive" | "non_executive";

export type BoardSeat = { id: ItemId, name: string, role: BoardRole, constituency: Constituency, paid_employee: boolean, };

export type CalendarDate = string;

export type Catalogue = { parts: Array<CataloguePart>, lists: Array<CatalogueList>, other_anchors: Array<string>, not_content: Array<string>, };

export type CatalogueList = { kind: ListKind, path: string, anchor: string, noun: string, name_field: string, };

export type CataloguePart = { id: PartId, title: string, owns: Array<string>, };

export type ChangeRow = { 
/**
 * "Contract: Adult community therapy — Annual value".
 */
what: string, 
/**
 * "Added", "Removed" or "Changed".
 */
kind: string, old: string, new: string, 
/**
 * The field in the plan as open, or `None` when it is only in the other file (removed).
 */
path: string | null, };

export type ChartCase = { title: string, 
/**
 * Closing cash a month, as plain numbers.
 */
points: Array<string>, 
/**
 * The chart's money scale while this case is drawn beside the plan.
 */
scale: Array<ChartTick>, };

export type ChartMark = { index: number, words: string, };

export type ChartPoint = { label: string, 
/**
 * Closing cash in pounds, as a plain decimal (`-1234.50`).
 */
value: string, 
/**
 * "Closing cash £1,234.50; receipts …; payments …".
 */
words: string, };

export type ChartTick = { value: string, label: string, };

export type Choice = { value: string, label: string, hint?: string, };

export type Choices = { legal_forms: Array<Choice>, nations: Array<Choice>, public_body_kinds: Array<Choice>, statuses: Array<Choice>, ownership_models: Array<Choice>, group_kinds: Array<Choice>, distribution_policies: Array<Choice>, board_roles: Array<Choice>, constituencies: Array<Choice>, payroll_timings: Array<Choice>, renewal_assumptions: Array<Choice>, procurement_routes: Array<Choice>, frequencies: Array<Choice>, cost_frequencies: Array<Choice>, vat_treatments: Array<Choice>, psr_processes: Array<Choice>, repayments: Array<Choice>, pension_schemes: Array<Choice>, cost_categories: Array<Choice>, reviewer_roles: Array<Choice>, 
/**
 * The band lists of the settings: what each is, how it is used and where its defaults
 * come from.
 */
band_lists: Array<BandListInfo>, 
/**
 * The months of the year by name, for a setting stored as a month number (`pay_award_month`):
 * the value is the number as text ("4"), the label its name ("April").
 */
months: Array<Choice>, 
/**
 * The VAT staggers (`vat_stagger`), each worded as the months its quarters end in: the
 * value is the stagger as text ("1"), the label its months ("March, June, September, December").
 */
vat_staggers: Array<Choice>, };

export type Comment = { id: ItemId, author: string, role: ReviewerRole, at: Timestamp, anchor: string, text: string, resolved: boolean, replies: Array<Reply>, };

export type CommentView = { id: string, anchor: string, 
/**
 * What it is about: "Contract: Adult community therapy".
 */
subject: string, 
/**
 * What it was about is no longer in the plan; the comment is kept and shown.
 */
orphaned: boolean, 
/**
 * The field to open for it in the editor, when it names one.
 */
path: string | null, author: string, 
/**
 * "Mentor".
 */
role: string, 
/**
 * "22 November 2026 at 09:30", in the window's local time.
 */
at: string, text: string, resolved: boolean, 
/**
 * "Open" or "Resolved".
 */
status: string, replies: Array<ReplyView>, 
/**
 * "1 reply", "3 replies", or empty when there are none.
 */
replies_words: string, };

export type CompareView = { 
/**
 * The heading: "Compared with draft-2.mutualplan".
 */
title: string, 
/**
 * The left column's heading (the other file).
 */
old_heading: string, 
/**
 * The right column's heading (the plan as open).
 */
new_heading: string, warnings: Array<string>, 
/**
 * "7 changes" or "The content is the same".
 */
summary: string, 
/**
 * The parts with changes, in the editor's order.
 */
parts: Array<PartChanges>, 
/**
 * The headline figures of both, side by side.
 */
figures: Array<FigureChange>, findings_appeared: Array<Finding>, findings_gone: Array<Finding>, 
/**
 * Headings for the figures and findings.
 */
figures_heading: string, appeared_heading: string, gone_heading: string, };

export type Constituency = "workforce" | "service_users" | "community" | "state" | "private_partner" | "investor" | "independent";

export type ConstituencySeats = { constituency: Constituency, words: string, seats: number, 
/**
 * "Workforce: 3 seats".
 */
count_words: string, };

export type Contract = { id: ItemId, commissioner: string, commissioner_kind: PublicBodyKind, service: string, 
/**
 * Whether the service is a regulated activity for the nation's care regulator (`None`:
 * not known).
 */
regulated_activity: boolean | null, annual_value: Money, start: Month, end: Month, indexation_percent: Percent, payment_terms_days: number, vat: VatTreatment, pbr: PaymentByResults | null, renewal: Renewal, procurement: Procurement, };

export type ContributionView = { path: string, words: string, amount: string, };

export type CostCategory = "premises" | "it" | "insurance" | "professional_fees" | "support_services" | "clinical_supplies" | "transition" | "irrecoverable_vat" | "bond_or_guarantee" | "other";

export type CostFrequency = "monthly" | "annual" | "one_off" | "capital";

export type CostLine = { id: ItemId, name: string, category: CostCategory, amount: Money, frequency: CostFrequency, start: Month, end: Month | null, 
/**
 * For a capital line, the months over which it is depreciated.
 */
useful_life_months: number | null, inflation_percent: Percent, 
/**
 * The VAT the supplier adds to `amount`, percent (0: `amount` is what is paid).
 */
vat_percent: Percent, };

export type CriteriaName = { name: string, version: string, };

export type DistributionPolicy = "reinvest" | "members_dividend" | "participatory";

export type EligibilityResult = { id: string, title: string, result: Eligible, reason: string, source: string, };

export type Eligible = "pass" | "fail" | "not_known";

export type EligibleWords = { pass: string, fail: string, not_known: string, };

export type EquityRaise = { id: ItemId, name: string, amount: Money, month: Month, };

export type ErrorKind = "too_large" | "not_text" | "syntax" | "not_a_plan" | "newer_version" | "unknown_version" | "unknown_field" | "bad_value" | "invalid" | "locked" | "locked_stale" | "changed_on_disk" | "read_only_plan" | "not_found" | "permission_denied" | "read_only" | "disk_full" | "io" | "no_file" | "no_identity" | "pdf" | "workbook" | "spreadsheet" | "not_chosen" | "internal";

export type Facility = { id: ItemId, lender: string, 
/**
 * The most that may be drawn.
 */
limit: Money, annual_rate_percent: Percent, 
/**
 * The first month it may be drawn.
 */
from: Month, 
/**
 * The month at whose end it must be repaid in full; `None`: beyond the horizon.
 */
to: Month | null, 
/**
 * Paid in `from`.
 */
arrangement_fee: Money, };

export type FieldPath = string;

export type FieldView = { key: string, label: string, };

export type Figure = { label: string, value: string, };

export type FigureChange = { figure: string, old: string, new: string, 
/**
 * The change in words ("+£15,000", "2 months later"); empty when the figure is unchanged or
 * has no difference to show.
 */
change: string, };

export type FigureChoice = { 
/**
 * `[[lowest_cash]]`, `[[surplus year=2]]`.
 */
placeholder: string, 
/**
 * "lowest cash", "surplus after tax, year 1".
 */
label: string, 
/**
 * "£64,643", "April 2027", "—".
 */
value: string, 
/**
 * The forecast year it belongs to; `None` for a figure of the whole forecast.
 */
year: number | null, };

export type Finding = { rule: string, severity: Severity, 
/**
 * The field or item, with stable item ids: `forecast.contracts[falls-prevention]`.
 */
path: FieldPath, 
/**
 * What is wrong and what to do, in plain English.
 */
message: string, source: string, };

export type Forecast = { start: Month, months: number, opening_cash: Money, settings: Settings, contracts: Array<Contract>, income: Array<IncomeLine>, grants: Array<Grant>, equity: Array<EquityRaise>, loans: Array<Loan>, 
/**
 * Working-capital facilities (overdrafts), drawn when cash would fall below zero.
 */
facilities: Array<Facility>, staff: Array<StaffLine>, costs: Array<CostLine>, };

export type ForecastCell = { text: string, 
/**
 * Closing cash below zero, marked in the table.
 */
negative: boolean, };

export type ForecastColumn = { month: string, label: string, short: string, };

export type ForecastRow = { 
/**
 * The line's key (`contract:…`, `pay`); empty for the totals, which have no plan rows.
 */
key: string, label: string, 
/**
 * `receipts`, `payments` or `totals`.
 */
group: string, cells: Array<ForecastCell>, };

export type ForecastView = { columns: Array<ForecastColumn>, rows: Array<ForecastRow>, years: Array<ForecastYear>, points: Array<ChartPoint>, 
/**
 * The lowest closing cash.
 */
lowest: ChartMark, 
/**
 * The months in which loans are drawn.
 */
drawdowns: Array<ChartMark>, 
/**
 * The chart's money scale for the plan alone, from below its lowest closing cash (and £0)
 * to above its highest, in round steps; a scenario drawn beside it has its own.
 */
scale: Array<ChartTick>, 
/**
 * The headline figures, as label and value.
 */
figures: Array<[string, string]>, scenarios: Array<ScenarioLine>, 
/**
 * Income and expenditure by year, by kind, with corporation tax and surplus after tax.
 */
income_expenditure: IncomeExpenditure, 
/**
 * The balance sheet at each year end, with the identity it holds.
 */
balance_sheet: YearEndTable, 
/**
 * Cash, free reserves and debt service cover at each year end, with their definitions.
 */
year_ends: YearEndTable, };

export type ForecastYear = { label: string, 
/**
 * The index of its first column, and one past its last.
 */
first: number, end: number, 
/**
 * One total a row, in the order of the rows.
 */
totals: Array<ForecastCell>, };

export type Frequency = "monthly" | "annual" | "one_off";

export type Fte = string;

export type Grant = { id: ItemId, funder: string, purpose: string, amount: Money, month: Month, match_funding: boolean, };

export type GroupBar = { path: string, name: string, kind: string, 
/**
 * Share of the votes as a plain number of percent (`"60"`), for the bar's length.
 */
votes: string, 
/**
 * "60%".
 */
votes_words: string, equity: string, equity_words: string, 
/**
 * "Employees: 60% of the votes, 0% of the equity".
 */
words: string, };

export type GroupKind = "employees" | "employee_trust" | "service_users" | "community" | "parent_body" | "government" | "private_partner" | "social_investor" | "other";

export type Headline = "ready" | "nearly_ready" | "not_yet_ready";

export type HeadroomLine = { lever: string, words: string, 
/**
 * The case one step beyond the limit (or at the range's end); `None` with nothing to draw.
 */
case: ChartCase | null, };

export type HeadroomTestView = { test: string, title: string, 
/**
 * The test as the plan stands.
 */
base: string, lines: Array<HeadroomLine>, };

export type HeadroomView = { intro: string, tests: Array<HeadroomTestView>, break_even: Array<string>, break_even_note: string, };

export type ImpactIndicator = { id: ItemId, outcome: string, indicator: string, baseline: string, target: string, };

export type ImportTarget = "staff" | "costs";

export type ImportView = { sheets: Array<string>, sheet: string | null, heading_row: number, headings: Array<string>, 
/**
 * Each column's field key, or none when it is not imported.
 */
mapping: Array<string | null>, fields: Array<FieldView>, preview: Preview, };

export type IncomeExpenditure = { 
/**
 * "Year 1 to Mar 2028", one a year.
 */
headings: Array<string>, rows: Array<IncomeExpenditureLine>, 
/**
 * What the account counts, as the PDF says it.
 */
note: string, };

export type IncomeExpenditureLine = { label: string, cells: Array<ForecastCell>, total: boolean, };

export type IncomeLine = { id: ItemId, name: string, amount: Money, frequency: Frequency, start: Month, end: Month | null, growth_percent: Percent, vat: VatTreatment, };

export type InputKind = "money" | "percent" | "signed_percent" | "fte" | "month" | "date" | "count" | "fraction";

export type IpcError = { kind: ErrorKind, message: string, path: string | null, };

export type ItemId = string;

export type LegalForm = "cic_limited_by_shares" | "cic_limited_by_guarantee" | "co_operative_society" | "community_benefit_society" | "company_limited_by_shares" | "company_limited_by_guarantee" | "cio" | "scio";

export type ListAnchor = { list: string, kind: string, };

export type ListKind = "owner_groups" | "board" | "contracts" | "income" | "grants" | "equity" | "loans" | "facilities" | "staff" | "costs" | "risks" | "impact" | "milestones";

export type Loan = { id: ItemId, lender: string, principal: Money, drawdown: Month, annual_rate_percent: Percent, term_months: number, capital_holiday_months: number, repayment: Repayment, };

export type Milestone = { id: ItemId, date: CalendarDate, what: string, };

export type Missing = { path: string, words: string, };

export type Money = string;

export type Month = string;

export type Narrative = { sections: Array<Section>, risks: Array<Risk>, impact: Array<ImpactIndicator>, milestones: Array<Milestone>, };

export type Nation = "england" | "wales" | "scotland" | "northern_ireland";

export type OpenAs = "edit" | "take_over" | "read_only" | "copy";

export type OpenedPlan = { 
/**
 * Where it is saved; `None` for a new plan or the bundled sample (Save asks where).
 */
file: string | null, plan: Plan, fingerprint: string, 
/**
 * Why it cannot be saved in place, when it cannot.
 */
read_only: string | null, 
/**
 * A newer autosaved version to offer back.
 */
recovery: Recovery | null, 
/**
 * After the first save of a plan read from an older version of the file format: that it is
 * now written as the current version, and what changes its figures. Empty otherwise.
 */
migration: Array<string>, };

export type OrgStatus = "planned" | "live";

export type Organisation = { name: string, legal_form: LegalForm, 
/**
 * A charity in law (registered, or exempt such as a charitable community benefit society).
 * Always true for a CIO and never for a CIC (rule LEG-10); use [`Organisation::is_charity`].
 */
charity: boolean, nation: Nation, parent_body: ParentBody, status: OrgStatus, spin_out_date: CalendarDate, services: string, public_service_mission: string, public_functions_percent: Percent, };

export type Overview = { parts: Array<PartStatus>, 
/**
 * "8 of 9 parts complete".
 */
completeness: string, 
/**
 * The cash figures a mentor looks at first; empty when the forecast cannot be worked out.
 */
figures: Array<OverviewFigure>, 
/**
 * "12 of 20".
 */
score: string, 
/**
 * "Nearly ready".
 */
headline: string, 
/**
 * "Readiness criteria 2.0.0".
 */
criteria: string, 
/**
 * The most serious findings, errors first, at most [`TOP_FINDINGS`].
 */
findings: Array<Finding>, 
/**
 * "1 warning and 6 notes", or "No findings".
 */
findings_summary: string, 
/**
 * The word for a part whose field the window holds in error (text the core refused).
 */
errors_word: string, };

export type OverviewFigure = { label: string, value: string, };

export type OwnerGroup = { id: ItemId, name: string, kind: GroupKind, members: number, equity_percent: Percent, voting_percent: Percent, };

export type Ownership = { model: OwnershipModel, groups: Array<OwnerGroup>, shares: Shares | null, one_member_one_vote: boolean, asset_lock: boolean, profit_distribution: ProfitDistribution, staff_voice: string, };

export type OwnershipModel = "employee_led" | "multi_stakeholder" | "joint_venture";

export type OwnershipView = { groups: Array<GroupBar>, seats: Array<SeatView>, 
/**
 * The constituencies with seats, in the order of the choices.
 */
key: Array<ConstituencySeats>, 
/**
 * "7 seats: 4 workforce, 1 service users, …".
 */
board_words: string, tier: Tier, 
/**
 * "Employee-controlled", "A joint-venture mutual", "Not a public service mutual".
 */
tier_words: string, 
/**
 * Why, in one sentence: "Staff hold 60% of the votes; more than 50% is control."
 */
tier_reason: string, 
/**
 * The MUT findings that decide it.
 */
findings: Array<Finding>, };

export type ParentBody = { name: string, kind: PublicBodyKind, };

export type PartChanges = { title: string, changes: Array<ChangeRow>, };

export type PartId = "organisation" | "ownership" | "contracts" | "staff" | "costs" | "funding" | "narrative" | "risks" | "settings";

export type PartState = "empty" | "started" | "complete" | "errors";

export type PartStatus = { id: PartId, title: string, state: PartState, 
/**
 * The state in a few words: "complete", "2 things missing", "not started", "1 error".
 */
words: string, missing: Array<Missing>, };

export type PaymentByResults = { share_percent: Percent, achievement_percent: Percent, lag_months: number, };

export type PayrollTiming = "next_month" | "same_month";

export type Pension = { scheme: PensionScheme, employer_percent: Percent, 
/**
 * The member's rate on a defined contribution scheme; `None` on every other scheme.
 */
employee_percent: Percent | null, };

export type PensionScheme = "nhs" | "lgps" | "civil_service" | "defined_contribution" | "none";

export type Percent = string;

export type Piece = { "kind": "text", text: string, } | { "kind": "figure", placeholder: string, label: string, value: string, } | { "kind": "fault", placeholder: string, shown: string, };

export type Plan = { format: string, schema_version: number, 
/**
 * Whom the submission is for, printed on the cover ("Submission to …").
 */
addressee: string, id: PlanId, revision: number, saved_at: Timestamp, saved_by: string, title: string, organisation: Organisation, ownership: Ownership, board: Array<BoardSeat>, forecast: Forecast, narrative: Narrative, review: Review, };

export type PlanCheck = { 
/**
 * The fingerprint of the plan as edited, when it is valid.
 */
fingerprint: string | null, 
/**
 * The first format error, with the path of its field.
 */
error: IpcError | null, 
/**
 * Everything computed from the plan, when it is valid.
 */
analysis: AnalysisView | null, 
/**
 * The Forecast view, when it was asked for and the forecast can be worked out.
 */
forecast: ForecastView | null, 
/**
 * The review in words, when the plan is valid.
 */
review: ReviewView | null, };

export type PlanId = string;

export type Preview = { target: ImportTarget, rows: Array<PreviewRow>, 
/**
 * How many cells were refused.
 */
refused: number, };

export type PreviewCell = { 
/**
 * The field it fills.
 */
field: string, 
/**
 * The cell as the file has it.
 */
text: string, 
/**
 * The value as a field shows it (`£24,500.00`, `April 2027`), when it was read.
 */
shown: string | null, 
/**
 * Why it was refused: the message a typed field gives.
 */
error: string | null, };

export type PreviewRow = { 
/**
 * The row's number in the file, from 1, as a spreadsheet numbers it.
 */
row: number, 
/**
 * The id the new item gets, made from its name.
 */
id: string, cells: Array<PreviewCell>, 
/**
 * The new item, as the file would hold it.
 */
item: unknown, };

export type Procurement = { route: ProcurementRoute, started: CalendarDate, cpv: string, last_reserved_award: CalendarDate | null, 
/**
 * The award date; `None` while it is not known (the contract's first day is assumed).
 */
awarded: CalendarDate | null, 
/**
 * Options to extend beyond `end`, in months (0 to 60).
 */
extension_months: number, 
/**
 * The Provider Selection Regime process, when the route is the regime.
 */
psr_process: PsrProcess | null, 
/**
 * The grounds for a direct award, in the team's words.
 */
justification: string, };

export type ProcurementRoute = "direct_award" | "open_competition" | "reserved_psm" | "provider_selection_regime" | "grant_agreement";

export type ProfitDistribution = { policy: DistributionPolicy, max_percent_of_distributable: Percent, };

export type PsrProcess = "direct_award_a" | "direct_award_b" | "direct_award_c" | "most_suitable_provider" | "competitive";

export type PublicBodyKind = "nhs_body" | "local_authority" | "central_government" | "other_public";

export type Rating = "red" | "amber" | "green";

export type RatingWords = { red: string, amber: string, green: string, };

export type Recovery = { 
/**
 * The plan file it belongs to; `None` for a plan never saved.
 */
source: string | null, 
/**
 * When it was written.
 */
written_at: Timestamp, plan: Plan, };

export type Renewal = { assumption: RenewalAssumption, value_change_percent: SignedPercent, };

export type RenewalAssumption = "renewed" | "ends";

export type Reopened = { 
/**
 * The plan as saved (or as made or opened, for a plan with no file), with its file and any
 * recovery still waiting for an answer.
 */
opened: OpenedPlan, 
/**
 * The plan as last edited, when it differs from `opened.plan`.
 */
edited: Plan | null, 
/**
 * A never-saved plan brought back from its recovery: there is no saved version, so it stays
 * unsaved however it is edited.
 */
never_saved: boolean, 
/**
 * Whether the page was loaded again because its process stopped (said once).
 */
crashed: boolean, };

export type Repayment = "amortising" | "bullet";

export type Reply = { author: string, role: ReviewerRole, at: Timestamp, text: string, };

export type ReplyView = { author: string, role: string, at: string, text: string, };

export type Review = { comments: Array<Comment>, signoffs: Array<Signoff>, };

export type ReviewAction = { "action": "comment", anchor: string, text: string, } | { "action": "reply", comment: string, text: string, } | { "action": "resolve", comment: string, resolved: boolean, } | { "action": "sign_off" };

export type ReviewView = { comments: Array<CommentView>, signoffs: Array<SignoffView>, 
/**
 * "3 comments, 1 open" or "No comments yet".
 */
summary: string, 
/**
 * The anchor kind of each list of items, so a list can name its items' anchors.
 */
lists: Array<ListAnchor>, 
/**
 * What a sign-off will say, for the reviewer to read before signing.
 */
statement: string, };

export type ReviewerRole = "staff" | "mentor" | "other";

export type Risk = { id: ItemId, description: string, likelihood: number, impact: number, mitigation: string, owner: string, };

export type RowView = { 
/**
 * The file, as found under the folder given; the window opens the plan from it.
 */
path: string, 
/**
 * The file's name without its folder.
 */
file: string, 
/**
 * Why the file could not be read (its kind and message), shown in place of the figures.
 */
error: string | null, 
/**
 * The plan's title and organisation (empty when not known).
 */
title: string, organisation: string, 
/**
 * The revision, the date saved in words and by whom.
 */
revision: string, saved: string, saved_by: string, 
/**
 * The lowest cash in whole pounds (`−£76,664`) and its month in words (`April 2027`).
 */
lowest_cash: string, lowest_cash_month: string, 
/**
 * Whether the lowest cash is below zero, for the window to mark it.
 */
runs_out: boolean, 
/**
 * Months whose closing cash is below zero.
 */
months_negative: string, 
/**
 * The tightest lever in a few words ("Late payment: none (cash)"); empty when none.
 */
tightest: string, 
/**
 * The readiness score (`14/20`) and verdict in words.
 */
score: string, headline: string, 
/**
 * Rule errors and warnings.
 */
rule_errors: string, rule_warnings: string, 
/**
 * Sections written (`13 of 13`).
 */
sections: string, 
/**
 * The latest sign-off, and whether it signed this version.
 */
signoff: string, 
/**
 * Why there is no forecast, who has the plan open, which version of its plan it is.
 */
notes: string, };

export type SaveKind = "plan" | "pdf" | "xlsx";

export type ScenarioLine = { id: string, title: string, lowest_cash: string, lowest_cash_change: string, months_negative: string, first_negative: string, closing_cash: string, closing_cash_change: string, 
/**
 * Closing cash a month as plain numbers, as [`ChartPoint::value`].
 */
points: Array<string>, 
/**
 * The chart's money scale while this scenario is drawn beside the plan: spanning both.
 */
scale: Array<ChartTick>, };

export type SeatView = { path: string, 
/**
 * The holder's name, or "To be recruited".
 */
name: string, role: string, constituency: Constituency, constituency_words: string, 
/**
 * "Jo Bloggs, chair, workforce (a paid employee)".
 */
words: string, };

export type Section = { id: string, title: string, text: string, };

export type SectionPieces = { id: string, 
/**
 * The text as written, placeholders and all: the runs' `written` texts joined.
 */
text: string, pieces: Array<Piece>, };

export type SectionPrompt = { id: string, title: string, prompt: string, };

export type Settings = { employer_ni_percent: Percent, ni_secondary_threshold: Money, claim_employment_allowance: boolean, employment_allowance: Money, pay_award_percent: Percent, pay_award_month: number, 
/**
 * When employer NI, employer pension and the Apprenticeship Levy leave the bank.
 */
payroll_costs_paid: PayrollTiming, apprenticeship_levy_percent: Percent, 
/**
 * A tax year's levy allowance.
 */
apprenticeship_levy_allowance: Money, ct_small_profits_rate_percent: Percent, ct_main_rate_percent: Percent, 
/**
 * A year's profits at or below this pay the small profits rate.
 */
ct_lower_limit: Money, 
/**
 * A year's profits at or above this pay the main rate.
 */
ct_upper_limit: Money, ct_marginal_relief_percent: Percent, 
/**
 * A year's personal allowance (tax code 1257L).
 */
personal_allowance: Money, 
/**
 * Income tax on taxable pay above the allowance, a year: England, Wales, Northern Ireland.
 */
income_tax_bands: Array<Band>, 
/**
 * Income tax on taxable pay above the allowance, a year: Scotland.
 */
income_tax_bands_scotland: Array<Band>, 
/**
 * Employee (Class 1 primary) National Insurance on gross pay, a year.
 */
employee_ni_bands: Array<Band>, 
/**
 * The NHS Pension Scheme's member contribution tiers, by actual annual pay.
 */
nhs_pension_member_tiers: Array<Band>, 
/**
 * The Local Government Pension Scheme's member contribution bands, by actual annual pay.
 */
lgps_member_bands: Array<Band>, 
/**
 * The Civil Service pension scheme's member contribution tiers, by actual annual pay.
 */
civil_service_member_tiers: Array<Band>, 
/**
 * Whether the organisation is registered for VAT, for the whole forecast.
 */
vat_registered: boolean, 
/**
 * Which months the VAT quarters end in: 1 (March, June, …), 2 (April, …) or 3 (May, …).
 */
vat_stagger: number, vat_standard_rate_percent: Percent, vat_registration_threshold: Money, 
/**
 * A month's de minimis limit for exempt input VAT.
 */
vat_de_minimis_monthly: Money, };

export type Severity = "error" | "warning" | "info";

export type SeverityWords = { error: string, warning: string, info: string, };

export type Shares = { nominal_value: Money, per_member: number, withdrawable: boolean, max_holding_per_member: Money, interest_rate_percent: Percent, };

export type SignedPercent = string;

export type Signoff = { by: string, role: string, at: Timestamp, revision: number, fingerprint: string, statement: string, };

export type SignoffView = { by: string, role: string, at: string, revision: number, fingerprint: string, statement: string, 
/**
 * The fingerprint signed is this content's.
 */
current: boolean, 
/**
 * "Signed this version" or "Signed revision 3, an earlier version — not this one".
 */
status: string, };

export type SortKey = "readiness" | "lowest_cash" | "name" | "saved";

export type StaffLine = { id: ItemId, role: string, fte: Fte, 
/**
 * The people who work those FTE (each has an NI threshold); `None`: the fewest whole people
 * who can, `⌈fte⌉`.
 */
headcount: number | null, annual_salary: Money, start: Month, end: Month | null, transferred: boolean, 
/**
 * The contract this line works on; under scenario S1 it ends with it (TUPE).
 */
contract: ItemId | null, pension: Pension, };

export type Tier = "employee_controlled" | "joint_venture_mutual" | "not_a_mutual";

export type Timestamp = string;

export type TypedValue = { 
/**
 * The canonical string written in the file (`"1234.50"`, `"2027-04"`).
 */
value: string, 
/**
 * The value as shown (`£1,234.50`, `April 2027`, `01/04/2027`).
 */
shown: string, };

export type UnsavedPlan = { plan_id: string, 
/**
 * The organisation's name, else the plan's title.
 */
name: string, 
/**
 * When it was autosaved, in the window's local time ("3 December 2026 at 10:42").
 */
written: string, };

export type UserConfig = { 
/**
 * The user's name as it appears on comments, sign-offs and "saved by"; empty until set.
 */
name: string, 
/**
 * Whether the user is one of the staff team, a mentor or someone else.
 */
role: ReviewerRole, 
/**
 * Recently opened plan files, newest first, at most [`RECENT_LIMIT`].
 */
recent: string[], };

export type VatTreatment = "exempt" | "standard" | "zero" | "outside_scope";

export type YearEndTable = { 
/**
 * "End of year 1 (March 2028)", one a year.
 */
headings: Array<string>, 
/**
 * A heading row has empty cells.
 */
rows: Array<IncomeExpenditureLine>, notes: Array<string>, };
