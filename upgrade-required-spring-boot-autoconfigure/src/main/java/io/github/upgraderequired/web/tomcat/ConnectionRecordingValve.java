package io.github.upgraderequired.web.tomcat;

import java.io.IOException;

import io.github.upgraderequired.core.ForwardedHeaders;
import io.github.upgraderequired.web.connection.ServletConnection;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Records, before Tomcat's {@code RemoteIpValve} replaces them, the address of the
 * connection's peer and whether the request carried forwarding headers, so that the rules
 * that judge the client's connection can tell a trusted proxy from anyone else. Installed
 * first among the engine valves.
 */
public class ConnectionRecordingValve extends ValveBase {

	/**
	 * Create a new valve.
	 */
	public ConnectionRecordingValve() {
		super(true);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		request.setAttribute(ServletConnection.PEER_ADDRESS_ATTRIBUTE, request.getRemoteAddr());
		if (ForwardedHeaders.present(request, Request::getHeader)) {
			request.setAttribute(ServletConnection.FORWARDED_ATTRIBUTE, Boolean.TRUE);
		}
		getNext().invoke(request, response);
	}

}
