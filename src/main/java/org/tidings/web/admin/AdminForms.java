package org.tidings.web.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

/** Reading admin form fields, where a missing one is the admin's 400, not the server's 500. */
final class AdminForms {
    private AdminForms() {
    }

    /** @param what how the page names the field: "the feed's URL" */
    static String required(Context ctx, String field, String what) {
        String v = ctx.formParam(field);
        if (v == null || v.isBlank()) {
            throw AdminProblem.badRequest("Please give " + what + ".");
        }
        return v.strip();
    }

    /** The uploaded file; a form that was not multipart, or without a file, gets a 400. */
    static UploadedFile upload(Context ctx, String field, String what) {
        String type = ctx.contentType();
        UploadedFile file = type != null && type.startsWith("multipart/form-data") ? ctx.uploadedFile(field) : null;
        if (file == null || file.size() == 0) {
            throw AdminProblem.badRequest("Please choose " + what + " to upload.");
        }
        return file;
    }
}
