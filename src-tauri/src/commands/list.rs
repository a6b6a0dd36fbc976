// The window's commands, each named once, under the module that holds it. This list is the one
// source: `commands/mod.rs` makes the invoke handler and `COMMANDS` from it, `build.rs` declares
// an `allow-<name>` permission for each, and a test holds `capabilities/main.json` and the UI's
// `backend.ts` to it.
commands! {
    document {
        startup_file,
        startup_portfolio,
        open_sample,
        open_plan,
        new_plan,
        save_plan,
        save_plan_as,
        close_plan,
    }
    recovery {
        autosave,
        answer_recovery,
        compare_recovery,
        unsaved_recoveries,
        restore_unsaved,
        discard_unsaved,
        reopen,
        backup_offer,
        restore_backup,
    }
    analysis {
        check_plan,
        explain_cell,
        narrative_amounts,
        headroom,
    }
    editing {
        choices,
        read_input,
        word_values,
        sections,
        new_item,
        start_after_spin_out,
        suggested_pension,
        suggested_employee_percent,
        suggested_useful_life,
        unique_id,
    }
    review {
        review_action,
        save_review,
    }
    settings {
        user_config,
        set_identity,
        forget_recent,
    }
    compare {
        compare_with,
        compare_on_disk,
    }
    print {
        print_pdf,
        open_printed,
        export_xlsx,
    }
    dialogs {
        choose_plan_to_open,
        choose_folder,
        choose_where_to_save,
    }
    portfolio {
        portfolio,
    }
    import {
        choose_spreadsheet,
        import_preview,
    }
}
