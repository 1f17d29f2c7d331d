package floor;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("notes")
public class NotesResource {
    @Inject
    Notes notes;

    @GET
    public String count() {
        return Long.toString(notes.count());
    }
}
