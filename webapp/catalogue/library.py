"""What other libraries write in English, in Arabic: werkzeug's HTTP errors and Flask-WTF's CSRF errors."""

from werkzeug import exceptions as http

#: What other libraries write in English → Arabic, looked up by the exact text: werkzeug's HTTP
#: error descriptions and Flask-WTF's CSRF errors (WTForms' own Arabic catalogue has no entry for them).
LIBRARY_TEXTS_AR: dict[str, str] = {
    http.BadRequest.description: "الطلب غير صالح.",
    http.NotFound.description: "الصفحة المطلوبة غير موجودة. تحقق من الرابط.",
    http.MethodNotAllowed.description: "هذه الطريقة غير مسموح بها لهذا الرابط.",
    http.RequestEntityTooLarge.description: "حجم البيانات المرسلة أكبر من المسموح.",
    http.InternalServerError.description: "حدث خطأ داخلي في الخادم.",
    http.ServiceUnavailable.description: "الخدمة غير متاحة مؤقتًا.",
    "The CSRF token is missing.": "رمز الحماية (CSRF) مفقود: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF session token is missing.": "انتهت الجلسة: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF token has expired.": "انتهت صلاحية رمز الحماية (CSRF): أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF token is invalid.": "رمز الحماية (CSRF) غير صالح: أعد تحميل الصفحة ثم أرسل النموذج.",
    "The CSRF tokens do not match.": "رمز الحماية (CSRF) غير مطابق: أعد تحميل الصفحة ثم أرسل النموذج.",
}
