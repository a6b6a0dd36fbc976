//! The fixed narrative sections of a plan, with the prompt each shows the team.

/// One narrative section of the printed plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionSpec {
    /// The fixed id stored in the plan file.
    pub id: &'static str,
    /// The default title (teams may edit titles).
    pub title: &'static str,
    /// The question the UI shows to help the team write it.
    pub prompt: &'static str,
}

/// Every narrative section, in the order of the printed plan.
pub const SECTIONS: [SectionSpec; 13] = [
    SectionSpec {
        id: "executive_summary",
        title: "Executive summary",
        prompt: "Why change, what you will run, who owns it, and the headline figures",
    },
    SectionSpec {
        id: "vision",
        title: "Vision, mission and values",
        prompt: "What the organisation is for and how it will behave",
    },
    SectionSpec {
        id: "services",
        title: "Services and the people who use them",
        prompt: "What you deliver, to whom, where; what will change after spin-out",
    },
    SectionSpec {
        id: "market",
        title: "Commissioners and market",
        prompt: "Who pays for the services, for how long, and who else could",
    },
    SectionSpec {
        id: "organisation",
        title: "Legal form, ownership and governance",
        prompt: "Why this legal form and ownership model; how staff control is embedded",
    },
    SectionSpec {
        id: "team",
        title: "Leadership and staff",
        prompt: "Leaders, structure, skills gaps, training",
    },
    SectionSpec {
        id: "stakeholders",
        title: "Stakeholders and engagement",
        prompt: "Who must agree, and how staff, users and the parent body were involved",
    },
    SectionSpec {
        id: "quality",
        title: "Quality, performance and regulation",
        prompt: "Registration, inspection, clinical governance, performance measures",
    },
    SectionSpec {
        id: "finance",
        title: "Financial plan",
        prompt: "Commentary on the forecast, assumptions, funding",
    },
    SectionSpec {
        id: "impact",
        title: "Social impact",
        prompt: "Outcomes for the people served and how they will be measured",
    },
    SectionSpec {
        id: "transition",
        title: "Transition plan",
        prompt: "Staff transfer, contracts, assets, systems, milestones",
    },
    SectionSpec {
        id: "risks",
        title: "Risks",
        prompt: "The main risks and how they are managed",
    },
    SectionSpec {
        id: "growth",
        title: "Growth and diversification",
        prompt: "How the organisation will grow or diversify its income",
    },
];

/// The section with this id, if it is one of the fixed sections.
pub fn section_spec(id: &str) -> Option<&'static SectionSpec> {
    SECTIONS.iter().find(|s| s.id == id)
}
